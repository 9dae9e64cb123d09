package org.talentpipeline.search;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.platform.PagedModel;

/**
 * The recruiters' candidate search page: filters, a lazy result table, saved searches. Shortlisting from it is the
 * placement area's ({@code ShortlistCandidates}): placements use the search, not the other way round.
 */
@Named
@ViewScoped
public class FindCandidates implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CandidateSearch search;

    @Inject
    SavedSearches saved;

    @Inject
    FacesMessages messages;

    @Inject
    CandidateExport export;

    @Inject
    SearchChoices searchChoices;

    private transient SearchChoices.Choices choices;

    @Inject
    Access access;

    private String q;
    private String category;
    private Double minCategoryPercentile;
    private Double minScore;
    private String region;
    private String school;
    private boolean certifiedOnly;
    private Integer gradFrom;
    private Integer gradTo;
    private String certification;
    private String workRole;
    private CandidateQuery.Sort sort = CandidateQuery.Sort.SCORE;
    private CandidateQuery query = CandidateQuery.empty();
    private String saveName;

    private final PagedModel<CandidateRow> results = new PagedModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected Page<CandidateRow> read(
                PageRequest page, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            try {
                return search.search(query, page);
            } catch (BadInput e) {
                messages.problems(e.problems());
                return new Page<>(List.of(), 0);
            }
        }

        @Override
        protected String keyOf(CandidateRow row) {
            return row.ref();
        }
    };

    public void find() {
        CandidateQuery next = new CandidateQuery(
                q,
                category,
                minCategoryPercentile,
                minScore,
                region,
                school,
                certifiedOnly,
                gradFrom,
                gradTo,
                certification,
                workRole,
                sort);
        try {
            query = next.checked();
        } catch (BadInput e) {
            messages.problems(e.problems());
            // NaN or Infinity from the address: named above, and not shown back in a number field that cannot render it
            minScore = minScore == null || Double.isFinite(minScore) ? minScore : null;
            minCategoryPercentile = minCategoryPercentile == null || Double.isFinite(minCategoryPercentile)
                    ? minCategoryPercentile
                    : null;
        }
    }

    public void save() {
        try {
            saved.save(new SavedSearches.SaveInput(saveName, query.parameters()));
            messages.info("candidates.saved", saveName);
            saveName = null;
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (Conflict e) {
            messages.error("candidates.saveExists", saveName);
        }
    }

    public void run(long id) {
        CandidateQuery next = saved.run(id);
        q = next.q();
        category = next.category();
        minCategoryPercentile = next.minCategoryPercentile();
        minScore = next.minScore();
        region = next.region();
        school = next.school();
        certifiedOnly = next.certifiedOnly();
        gradFrom = next.gradFrom();
        gradTo = next.gradTo();
        certification = next.certification();
        workRole = next.workRole();
        sort = next.sort();
        query = next;
    }

    public int getExportCap() {
        return CandidateExport.MAX_ROWS;
    }

    /** The current search's whole result as CSV, streamed (audited like the API's export). */
    public StreamedContent getExport() {
        return download(CandidateExport.Format.CSV);
    }

    /** The same as XLSX. */
    public StreamedContent getExportXlsx() {
        return download(CandidateExport.Format.XLSX);
    }

    private StreamedContent download(CandidateExport.Format format) {
        CandidateQuery current = query;
        CandidateExport exporter = export;
        return DefaultStreamedContent.builder()
                .name(format.fileName())
                .contentType(format.contentType())
                .writer(out -> {
                    try {
                        exporter.write(current, format, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .build();
    }

    public List<SavedSearches.SavedSearch> getSavedSearches() {
        return access.may(Operation.SAVED_SEARCH) ? saved.mine() : List.of();
    }

    public boolean isSaving() {
        return access.may(Operation.SAVED_SEARCH);
    }

    /** What the pick-lists offer: regions, schools, categories, certifications. */
    public SearchChoices.Choices getChoices() {
        if (choices == null) {
            choices = searchChoices.choices();
        }
        return choices;
    }

    public CandidateQuery.Sort[] getSorts() {
        return CandidateQuery.Sort.values();
    }

    public PagedModel<CandidateRow> getResults() {
        return results;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public Double getMinCategoryPercentile() {
        return minCategoryPercentile;
    }

    public void setMinCategoryPercentile(Double minCategoryPercentile) {
        this.minCategoryPercentile = minCategoryPercentile;
    }

    public Double getMinScore() {
        return minScore;
    }

    public void setMinScore(Double minScore) {
        this.minScore = minScore;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school;
    }

    public boolean isCertifiedOnly() {
        return certifiedOnly;
    }

    public void setCertifiedOnly(boolean certifiedOnly) {
        this.certifiedOnly = certifiedOnly;
    }

    public Integer getGradFrom() {
        return gradFrom;
    }

    public void setGradFrom(Integer gradFrom) {
        this.gradFrom = gradFrom;
    }

    public Integer getGradTo() {
        return gradTo;
    }

    public void setGradTo(Integer gradTo) {
        this.gradTo = gradTo;
    }

    public String getCertification() {
        return certification;
    }

    public void setCertification(String certification) {
        this.certification = certification;
    }

    public String getWorkRole() {
        return workRole;
    }

    public void setWorkRole(String workRole) {
        this.workRole = workRole;
    }

    public CandidateQuery.Sort getSort() {
        return sort;
    }

    public void setSort(CandidateQuery.Sort sort) {
        this.sort = sort;
    }

    public String getSaveName() {
        return saveName;
    }

    public void setSaveName(String saveName) {
        this.saveName = saveName;
    }
}
