package org.talentpipeline.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.CsvWriter;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;

/**
 * A search's candidates as CSV (at most {@link PageRequest#MAX_SIZE}), formulas defused. Each
 * export is one audit entry listing the students exported, so that each school finds its own.
 */
@ApplicationScoped
@Transactional
public class CandidateExport {

    @Inject
    CandidateSearch search;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    public String csv(CandidateQuery query) {
        Grant grant = access.require(Operation.CANDIDATE_EXPORT);
        Page<CandidateRow> page = search.find(grant, query, new PageRequest(0, PageRequest.MAX_SIZE));
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        try {
            csv.row(List.of("ref", "full_name", "school", "school_certified", "region", "expected_graduation_year", "talent_score",
                    "category_score", "email"));
            for (CandidateRow r : page.items()) {
                csv.row(Arrays.asList(r.ref(), r.fullName(), r.school(), r.schoolCertified(), r.region(), r.expectedGraduationYear(),
                        r.talentScore(), r.categoryScore() == null ? "" : r.categoryScore(), r.email() == null ? "" : r.email()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.recordRead(AuditAction.EXPORT, "candidates:" + query.summary() + " as CSV", CandidateSearch.subjects(page.items()));
        return out.toString();
    }

    /**
     * Records that the search page's rows were written to a spreadsheet by PrimeFaces' exporter: the
     * rows the search showed this view (read under the caller's grant), exported by the caller.
     */
    public void exported(CandidateQuery query, List<CandidateRow> rows) {
        access.require(Operation.CANDIDATE_EXPORT);
        audit.recordRead(AuditAction.EXPORT, "candidates:" + query.summary() + " as XLSX", CandidateSearch.subjects(rows));
    }
}
