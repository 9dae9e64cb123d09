package org.talentpipeline.analytics;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.talentpipeline.platform.Charts;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.Formats;
import org.talentpipeline.scoring.RatingAnalytics;
import org.talentpipeline.scoring.RatingFigures;
import org.talentpipeline.taxonomy.NiceFramework;

/** The nation's analytics page ({@code analytics/nation.xhtml}, ADMIN): by region, by school, by work role, the distribution. */
@Named("nationalAnalytics")
@RequestScoped
public class ViewNationalAnalytics {

    /** The schools a chart shows (the best by mean talent score); the table and the CSV hold them all. */
    static final int CHARTED_SCHOOLS = 20;

    @Inject
    Analytics analytics;

    @Inject
    FacesMessages messages;

    @Inject
    Formats fmt;

    @Inject
    NiceFramework nice;

    private Analytics.Nation figures;

    public void load() {
        getFigures();
    }

    public String getRegionChart() {
        List<RatingAnalytics.Group> regions = getFigures().ratings().regions();
        return Charts.bar(
                messages.text("home.rated"),
                regions.stream().map(RatingAnalytics.Group::name).toList(),
                regions.stream().map(RatingAnalytics.Group::students).toList());
    }

    public String getSchoolChart() {
        List<RatingAnalytics.Group> schools = getFigures().ratings().schools();
        schools = schools.subList(0, Math.min(CHARTED_SCHOOLS, schools.size()));
        return Charts.horizontalBar(
                messages.text("analytics.meanScore"),
                schools.stream().map(RatingAnalytics.Group::key).toList(),
                schools.stream().map(RatingAnalytics.Group::mean).toList());
    }

    public String getWorkRoleChart() {
        List<RatingAnalytics.Group> roles = getFigures().ratings().workRoles();
        return Charts.horizontalBar(
                messages.text("home.rated"),
                roles.stream().map(g -> nice.label(g.key())).toList(),
                roles.stream().map(RatingAnalytics.Group::students).toList());
    }

    public String getDistributionChart() {
        List<RatingFigures.Bucket> buckets = getFigures().ratings().distribution();
        return Charts.bar(
                messages.text("home.students"),
                buckets.stream().map(b -> fmt.count(b.from())).toList(),
                buckets.stream().map(RatingFigures.Bucket::students).toList());
    }

    public long placed(String table, String key) {
        return (table.equals("schools")
                        ? getFigures().placements().placedBySchool()
                        : getFigures().placements().placedByWorkRole())
                .getOrDefault(key, 0L);
    }

    public StreamedContent csv(String table) {
        List<List<Object>> rows = analytics.table(getFigures(), table);
        return DefaultStreamedContent.builder()
                .name("analytics-nation-" + table + ".csv")
                .contentType("text/csv; charset=UTF-8")
                .writer(out -> {
                    try {
                        Analytics.csv(rows, new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .build();
    }

    /** Counted once per request, when first asked (on a postback, before any action runs). */
    public Analytics.Nation getFigures() {
        if (figures == null) {
            figures = analytics.nation();
        }
        return figures;
    }
}
