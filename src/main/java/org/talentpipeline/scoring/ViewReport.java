package org.talentpipeline.scoring;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.ScriptJson;

/** A student's scouting report page: the figures, the skill profile chart and the explanation. */
@Named
@ViewScoped
public class ViewReport implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ScoutingReports reports;

    @Inject
    FacesMessages messages;

    private String ref;
    private ScoutingReport report;

    /** A student the caller may not see is the 404 page, as the API answers (the service decides, and audits the read). */
    public void load() {
        report = reports.report(ref);
    }

    /** An event's sentence in the page's language (Chinese for a Chinese view, English otherwise). */
    public String sentence(ScoutingReport.EventEffect effect) {
        return effect.sentence().get(language());
    }

    /** The talent score's formula in the page's language. */
    public String getFormula() {
        return report.talentScoreFormula().words().get(language());
    }

    private static String language() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
    }

    /** The skill profile as a Chart.js radar (two categories or fewer: bars): each category's percentile. */
    public String getSkillChart() {
        if (report == null || report.categories().isEmpty()) {
            return null;
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder percentiles = Json.createArrayBuilder();
        report.categories().values().forEach(s -> {
            labels.add(s.category());
            percentiles.add(s.percentile() == null ? 0 : s.percentile());
        });
        boolean radar = report.categories().size() > 2;
        return ScriptJson.encode(Json.createObjectBuilder()
                .add("type", radar ? "radar" : "bar")
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("labels", labels)
                                .add(
                                        "datasets",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("label", messages.text("report.categoryPercentile"))
                                                        .add("data", percentiles)
                                                        .add("backgroundColor", "rgba(33, 150, 243, 0.3)")
                                                        .add("borderColor", "rgb(33, 150, 243)"))))
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add(
                                        "scales",
                                        radar
                                                ? Json.createObjectBuilder()
                                                        .add(
                                                                "r",
                                                                Json.createObjectBuilder()
                                                                        .add("min", 0)
                                                                        .add("max", 100))
                                                : Json.createObjectBuilder()
                                                        .add(
                                                                "y",
                                                                Json.createObjectBuilder()
                                                                        .add("min", 0)
                                                                        .add("max", 100))))
                .build());
    }

    /** The skill profile's rows, for the table beside the chart. */
    public List<ScoutingReport.Skill> getSkills() {
        return report == null ? List.of() : List.copyOf(report.categories().values());
    }

    public String getRef() {
        return ref;
    }

    public void setRef(String ref) {
        this.ref = ref;
    }

    public ScoutingReport getReport() {
        return report;
    }
}
