package org.talentpipeline.analytics;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.talentpipeline.identity.CurrentUser;
import org.talentpipeline.platform.Charts;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.Formats;
import org.talentpipeline.scoring.RatingAnalytics;
import org.talentpipeline.scoring.RatingFigures;

/**
 * A school's analytics page ({@code analytics/school.xhtml?school=}): four charts, each with its
 * table and its CSV. A school administrator sees their own school (the parameter may be left out);
 * an ADMIN picks the school.
 */
@Named("schoolAnalytics")
@RequestScoped
public class ViewSchoolAnalytics {

    @Inject
    Analytics analytics;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesMessages messages;

    @Inject
    Formats fmt;

    private String school;
    private Analytics.School figures;

    /** The school's figures; another school than a school administrator's own is the 404 page, as in the API. */
    public void load() {
        getFigures();
    }

    /** The schools an ADMIN may pick from: those with rated students, by name. */
    public List<RatingAnalytics.Group> getSchools() {
        return currentUser.isAdmin() ? analytics.ratedSchools() : List.of();
    }

    public String show() {
        return "/analytics/school?faces-redirect=true&school="
                + URLEncoder.encode(school == null ? "" : school, StandardCharsets.UTF_8);
    }

    /** The school as the reader names it: its local name on a Chinese page, where it has one. */
    public String getSchoolName() {
        RatingAnalytics.SchoolFigures r = getFigures().ratings();
        boolean chinese = "zh"
                .equals(FacesContext.getCurrentInstance()
                        .getViewRoot()
                        .getLocale()
                        .getLanguage());
        return (chinese && r.localName() != null && !r.localName().isBlank() ? r.localName() : r.name()) + " ("
                + r.school() + ")";
    }

    public String getDistributionChart() {
        List<RatingFigures.Bucket> buckets = getFigures().ratings().distribution();
        return Charts.bar(
                messages.text("home.students"),
                buckets.stream().map(b -> fmt.count(b.from())).toList(),
                buckets.stream().map(RatingFigures.Bucket::students).toList());
    }

    public String getCategoryChart() {
        List<RatingAnalytics.CategoryStrength> categories =
                getFigures().ratings().categories();
        return Charts.bars(
                categories.stream()
                        .map(RatingAnalytics.CategoryStrength::category)
                        .toList(),
                List.of(
                        new Charts.Series(
                                messages.text("analytics.schoolMean"),
                                categories.stream()
                                        .map(RatingAnalytics.CategoryStrength::mean)
                                        .toList()),
                        new Charts.Series(
                                messages.text("analytics.nationalMean"),
                                categories.stream()
                                        .map(RatingAnalytics.CategoryStrength::nationalMean)
                                        .toList())));
    }

    public String getTrendChart() {
        List<RatingAnalytics.Quarter> trend = getFigures().ratings().trend();
        return Charts.line(
                messages.text("analytics.meanPlacePercentile"),
                trend.stream().map(RatingAnalytics.Quarter::quarter).toList(),
                trend.stream().map(RatingAnalytics.Quarter::meanPlacePercentile).toList(),
                100);
    }

    public String getPlacementChart() {
        Map<String, Long> funnel = getFigures().placements().funnel();
        return Charts.horizontalBar(
                messages.text("positions.reached"),
                funnel.keySet().stream()
                        .map(stage -> messages.text("stage." + stage))
                        .toList(),
                List.copyOf(funnel.values()));
    }

    public List<Map.Entry<String, Long>> getFunnel() {
        return List.copyOf(getFigures().placements().funnel().entrySet());
    }

    public List<Map.Entry<String, Long>> getPlacedByWorkRole() {
        return List.copyOf(getFigures().placements().placedByWorkRole().entrySet());
    }

    public boolean isPlaced() {
        return getFigures().placements().funnel().values().stream().anyMatch(n -> n > 0);
    }

    /** One of the school's tables as a CSV file, named for the school and the table. */
    public StreamedContent csv(String table) {
        List<List<Object>> rows = analytics.table(getFigures(), table);
        return DefaultStreamedContent.builder()
                .name("analytics-" + getFigures().ratings().school() + "-" + table + ".csv")
                .contentType("text/csv; charset=UTF-8")
                .writer(out -> {
                    try {
                        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                        Analytics.csv(rows, writer);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .build();
    }

    /**
     * Counted once per request, when first asked: on a postback (a CSV, the language switch) the
     * page's components ask before any action runs.
     */
    public Analytics.School getFigures() {
        if ((school == null || school.isBlank()) && currentUser.getSchoolCode() != null) {
            school = currentUser.getSchoolCode();
        }
        if (figures == null && school != null && !school.isBlank()) {
            figures = analytics.school(school);
        }
        return figures;
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school;
    }
}
