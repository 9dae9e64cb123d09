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
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.NotFound;

/**
 * The judging page: a judge scores their entries; everyone who may read the judging sees the
 * consensus and agreement, and those who manage it publish it. Every action passes the event's code
 * to the service, which asks the access policy again: a refusal is the 403 page (or, inside an Ajax
 * request, a message), whatever this bean shows or hides.
 */
@Named
@ViewScoped
public class JudgeEntries implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    JudgingService judging;

    @Inject
    Access access;

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
            summary = judging.summary(code);
            criteria = judging.rubric(code).rubric().criteria();
            rows = access.may(Operation.JUDGING_SCORE)
                    ? new ArrayList<>(
                            judging.assignments(code).stream().map(Row::new).toList())
                    : new ArrayList<>();
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

    /** Whether to offer publishing (the service decides again when asked). */
    public boolean isMayPublish() {
        return access.may(Operation.JUDGING_MANAGE);
    }

    /** Whether to show the caller's own entries to score. */
    public boolean isMayScore() {
        return access.may(Operation.JUDGING_SCORE);
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
