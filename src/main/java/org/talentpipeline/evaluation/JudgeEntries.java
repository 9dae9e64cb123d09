package org.talentpipeline.evaluation;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.talentpipeline.competition.ResultPost;
import org.talentpipeline.identity.CurrentUser;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.NotFound;

/** The judging page: a judge scores their entries; everyone managing the event sees the consensus and agreement. */
@Named
@ViewScoped
public class JudgeEntries implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    JudgingService judging;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesMessages messages;

    private String code;
    private List<Rubric.Criterion> criteria = List.of();
    private List<Row> rows = new ArrayList<>();
    private JudgingService.Summary summary;

    /** One entry of the judge's, with the scores being edited. */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String entry;
        private final String fullName;
        /** Bound to the inputs by criterion; a map's values reach it as whatever the input converted to. */
        private final Map<String, Object> scores;

        Row(JudgingService.Assignment a) {
            this.entry = a.entry();
            this.fullName = a.fullName();
            this.scores = new LinkedHashMap<>(a.scores());
        }

        public String getEntry() {
            return entry;
        }

        public String getFullName() {
            return fullName;
        }

        public Map<String, Object> getScores() {
            return scores;
        }

        Map<String, Double> numbers() {
            Map<String, Double> numbers = new LinkedHashMap<>();
            scores.forEach((criterion, value) -> {
                if (value instanceof Number n) {
                    numbers.put(criterion, n.doubleValue());
                } else if (value != null && !value.toString().isBlank()) {
                    numbers.put(criterion, Double.valueOf(value.toString().trim()));
                }
            });
            return numbers;
        }
    }

    public void load() {
        try {
            criteria = judging.rubric(code).criteria();
            rows = new ArrayList<>(judging.assignmentsOf(code, currentUser.getUsername()).stream().map(Row::new).toList());
            summary = judging.summary(code);
        } catch (NotFound | Conflict e) {
            messages.error("judging.notJudged", code);
        }
    }

    public void save(Row row) {
        try {
            judging.score(code, row.getEntry(), row.numbers());
            messages.info("judging.saved", row.getEntry());
            summary = judging.summary(code);
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (Conflict | NotFound | NumberFormatException e) {
            messages.error("judging.refused", e.getMessage());
        }
    }

    public void publish() {
        try {
            ResultPost post = judging.publish(code);
            if (post.succeeded()) {
                messages.info("results.stored", post.stored());
            } else {
                messages.error("results.rejected");
            }
        } catch (Conflict e) {
            messages.error("judging.refused", e.getMessage());
        }
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public List<Rubric.Criterion> getCriteria() {
        return criteria;
    }

    public List<Row> getRows() {
        return rows;
    }

    public JudgingService.Summary getSummary() {
        return summary;
    }
}
