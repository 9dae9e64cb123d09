package org.talentpipeline.integrity;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.NotFound;

/**
 * The integrity pages: an event's cases for an evaluator, with the evidence of the one opened and
 * its decision ({@code /integrity/cases.xhtml?code=}), and the decided cases the students concerned
 * and their school read ({@code /integrity/decisions.xhtml}). Every rule is the service's.
 */
@Named
@ViewScoped
public class IntegrityPages implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    @Inject
    IntegrityCases cases;

    @Inject
    FacesMessages messages;

    /** A case as the page shows it (the evidence as indented JSON). */
    public record Row(
            long id, String pattern, String competitors, String statistic, String pValue, String evidence, String state)
            implements Serializable {

        public boolean isOpen() {
            return "OPEN".equals(state);
        }
    }

    /** A decision as the page shows it. */
    public record DecisionRow(
            long id, String event, String pattern, String students, String outcome, String reason, Instant decidedAt)
            implements Serializable {}

    private String code;
    private List<Row> rows;
    private List<DecisionRow> decisions;
    private Row selected;
    private String outcome = "CLEARED";
    private String reason;

    /** f:viewAction of the cases page. */
    public void loadCases() {
        rows = cases.cases(code).stream().map(IntegrityPages::row).toList();
        if (selected != null) {
            selected = rows.stream()
                    .filter(r -> r.id() == selected.id())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** f:viewAction of the decisions page. */
    public void loadDecisions() {
        decisions = cases.decisions().stream()
                .map(d -> new DecisionRow(
                        d.id(),
                        d.event(),
                        d.pattern(),
                        String.join(", ", d.students()),
                        d.outcome(),
                        d.reason(),
                        d.decidedAt()))
                .toList();
    }

    public void open(long id) {
        selected = rows.stream().filter(r -> r.id() == id).findFirst().orElse(null);
        reason = null;
    }

    public void decide() {
        if (selected == null) {
            return;
        }
        try {
            cases.decide(selected.id(), new IntegrityCases.DecisionInput(outcome, reason));
            messages.info("integrity.decided");
            reason = null;
            loadCases();
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (Conflict | NotFound e) {
            messages.error("integrity.gone");
            loadCases();
        }
    }

    static Row row(IntegrityCases.CaseView c) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = PRETTY.createWriter(out)) {
            w.writeObject(c.evidence() == null ? JsonObject.EMPTY_JSON_OBJECT : c.evidence());
        }
        return new Row(
                c.id(),
                c.pattern(),
                String.join(", ", c.competitors()),
                String.format(Locale.ROOT, "%.0f", c.statistic()),
                c.pValue() == null ? "" : String.format(Locale.ROOT, "%.3g", c.pValue()),
                out.toString().strip(),
                c.state());
    }

    public List<String> getOutcomes() {
        return List.of("CLEARED", "EXCLUDED", "DISQUALIFIED");
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<DecisionRow> getDecisions() {
        return decisions;
    }

    public Row getSelected() {
        return selected;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
