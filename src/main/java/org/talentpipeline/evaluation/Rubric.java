package org.talentpipeline.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.talentpipeline.platform.ApiError.FieldProblem;

/**
 * A judged event's rubric: criteria with weights and a scale from 0 to their maximum. Turns one
 * judge's scores for an entry into a weighted total on a 0-100 scale, after checking them.
 */
public record Rubric(List<Criterion> criteria) {

    public record Criterion(String name, double weight, double max) {}

    /** Problems with a rubric as entered: at least one criterion, positive weights and maxima, unique names. */
    public static List<FieldProblem> problems(List<Criterion> criteria) {
        List<FieldProblem> problems = new ArrayList<>();
        if (criteria == null || criteria.isEmpty()) {
            problems.add(new FieldProblem("criteria", "at least one criterion is required"));
            return problems;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            String at = "criteria[" + i + "]";
            if (c == null || c.name() == null || c.name().isBlank()) {
                problems.add(new FieldProblem(at + ".name", "is required"));
                continue;
            }
            if (!names.add(c.name().trim())) {
                problems.add(new FieldProblem(at + ".name", c.name() + " is listed twice"));
            }
            if (!(c.weight() > 0)) {
                problems.add(new FieldProblem(at + ".weight", "must be more than 0"));
            }
            if (!(c.max() > 0)) {
                problems.add(new FieldProblem(at + ".max", "must be more than 0"));
            }
        }
        return problems;
    }

    /** Problems with one judge's scores for an entry: every criterion scored, each within 0..max, no others. */
    public List<FieldProblem> problemsWith(Map<String, Double> scores) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Double> given = scores == null ? Map.of() : scores;
        for (Criterion c : criteria) {
            Double v = given.get(c.name());
            if (v == null) {
                problems.add(new FieldProblem("scores." + c.name(), "is required"));
            } else if (v < 0 || v > c.max() || v.isNaN()) {
                problems.add(new FieldProblem("scores." + c.name(), "must be between 0 and " + fmt(c.max())));
            }
        }
        given.keySet().stream()
                .filter(k -> criteria.stream().noneMatch(c -> c.name().equals(k)))
                .forEach(k -> problems.add(new FieldProblem("scores." + k, "is not a criterion of the rubric")));
        return problems;
    }

    /** The weighted total of checked scores, 0 to 100. */
    public double total(Map<String, Double> scores) {
        double weights = criteria.stream().mapToDouble(Criterion::weight).sum();
        double sum = 0;
        for (Criterion c : criteria) {
            sum += c.weight() * scores.get(c.name()) / c.max();
        }
        return 100 * sum / weights;
    }

    public Map<String, Double> maxima() {
        Map<String, Double> m = new LinkedHashMap<>();
        criteria.forEach(c -> m.put(c.name(), c.max()));
        return m;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
