package org.talentpipeline.evaluation;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.StaleVersion;

/**
 * A judged event's set-up on its judging page, for those who manage judging: the rubric (criteria
 * with their weight and top score, editable until a judge has scored) and the judges' assignments.
 */
@Named
@ViewScoped
public class SetUpJudging implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    JudgingService judging;

    @Inject
    Access access;

    @Inject
    FacesMessages messages;

    /** A criterion as the editor holds it. */
    public static class CriterionRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private Double weight = 1.0;
        private Double max = 10.0;

        CriterionRow() {}

        CriterionRow(Rubric.Criterion c) {
            name = c.name();
            weight = c.weight();
            max = c.max();
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Double getWeight() {
            return weight;
        }

        public void setWeight(Double weight) {
            this.weight = weight;
        }

        public Double getMax() {
            return max;
        }

        public void setMax(Double max) {
            this.max = max;
        }
    }

    private String code;
    private long version;
    private List<CriterionRow> criteria = new ArrayList<>();
    private List<String> judges = List.of();
    private List<JudgingService.Panel> panel = List.of();
    private String judge;
    private String entries;

    public void load(String eventCode) {
        if (eventCode == null || !access.may(Operation.JUDGING_MANAGE)) {
            return;
        }
        try {
            JudgingService.VersionedRubric rubric = judging.rubric(eventCode);
            code = eventCode;
            version = rubric.version();
            criteria = new ArrayList<>(
                    rubric.rubric().criteria().stream().map(CriterionRow::new).toList());
            judges = judging.judges();
            panel = judging.panel(eventCode);
        } catch (NotFound | Conflict e) {
            code = null;
        }
    }

    public boolean isManaging() {
        return code != null;
    }

    public void addCriterion() {
        criteria.add(new CriterionRow());
    }

    public void removeCriterion(CriterionRow row) {
        criteria.remove(row);
    }

    public void saveRubric() {
        try {
            List<Rubric.Criterion> rubric = criteria.stream()
                    .map(r -> new Rubric.Criterion(
                            r.name == null ? "" : r.name.trim(),
                            r.weight == null ? 0 : r.weight,
                            r.max == null ? 0 : r.max))
                    .toList();
            version = judging.defineRubric(code, version, rubric).version();
            messages.info("judging.rubricSaved", rubric.size());
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (StaleVersion e) {
            messages.error("events.stale");
        } catch (Conflict e) {
            messages.error("judging.rubricScored");
        }
    }

    public void assign() {
        List<String> refs = entries == null
                ? List.of()
                : Arrays.stream(entries.split("[,;\\s]+"))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        try {
            int assigned = judging.assign(code, judge, refs);
            messages.info("judging.assigned", judge, assigned);
            entries = null;
            panel = judging.panel(code);
        } catch (BadInput e) {
            messages.problems(e.problems());
        }
    }

    public List<CriterionRow> getCriteria() {
        return criteria;
    }

    public List<String> getJudges() {
        return judges;
    }

    public List<JudgingService.Panel> getPanel() {
        return panel;
    }

    public String getJudge() {
        return judge;
    }

    public void setJudge(String judge) {
        this.judge = judge;
    }

    public String getEntries() {
        return entries;
    }

    public void setEntries(String entries) {
        this.entries = entries;
    }
}
