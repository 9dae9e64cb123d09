package org.talentpipeline.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.StringWriter;
import java.util.List;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.platform.CsvWriter;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;

/**
 * A search's candidates as CSV (at most {@link PageRequest#MAX_SIZE}), formulas defused; the audit
 * log records who exported whom, one entry per candidate so that each school sees its own.
 */
@ApplicationScoped
@Transactional
public class CandidateExport {

    @Inject
    CandidateSearch search;

    @Inject
    AuditLog audit;

    public String csv(CandidateQuery query) {
        Page<CandidateRow> page = search.search(query, new PageRequest(0, PageRequest.MAX_SIZE));
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        try {
            csv.row(List.of("ref", "full_name", "school", "school_certified", "region", "expected_graduation_year", "talent_score",
                    "category_score", "email"));
            for (CandidateRow r : page.items()) {
                csv.row(java.util.Arrays.asList(r.ref(), r.fullName(), r.school(), r.schoolCertified(), r.region(), r.expectedGraduationYear(),
                        r.talentScore(), r.categoryScore() == null ? "" : r.categoryScore(), r.email() == null ? "" : r.email()));
            }
            audited(page.items());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Records in the audit log that these candidates were exported, by whom and when. */
    public void audited(List<CandidateRow> exported) {
        for (CandidateRow r : exported) {
            audit.record(AuditAction.EXPORT, r.ref(), r.school(), "candidate list export");
        }
    }
}
