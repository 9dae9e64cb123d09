package org.talentpipeline.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.BadInput;

/**
 * A recruiter's candidate search: keywords (a name's start, a skill, a certification's start, a
 * school's code), a skill category with a least percentile in it, a least talent score, region,
 * school, certified schools only, graduation years, a certification held, a NICE work role the
 * candidate lists; sorted by talent score, by the category's score, or by fit to the work role.
 */
public record CandidateQuery(
        String q,
        String category,
        Double minCategoryPercentile,
        Double minScore,
        String region,
        String school,
        boolean certifiedOnly,
        Integer gradFrom,
        Integer gradTo,
        String certification,
        String workRole,
        Sort sort)
        implements Serializable {

    public enum Sort {
        SCORE,
        CATEGORY,
        FIT
    }

    public static CandidateQuery empty() {
        return new CandidateQuery(null, null, null, null, null, null, false, null, null, null, null, Sort.SCORE);
    }

    /** Checks the query; every problem named by its parameter. */
    public CandidateQuery checked() {
        List<FieldProblem> problems = new ArrayList<>();
        if (minScore != null && !Double.isFinite(minScore)) {
            problems.add(new FieldProblem("minScore", "must be a number"));
        }
        if (minCategoryPercentile != null && !(minCategoryPercentile >= 0 && minCategoryPercentile <= 100)) {
            problems.add(new FieldProblem("minCategoryPercentile", "must be from 0 to 100"));
        }
        if (minCategoryPercentile != null && blank(category)) {
            problems.add(new FieldProblem("category", "is required with minCategoryPercentile"));
        }
        if (sort == Sort.CATEGORY && blank(category)) {
            problems.add(new FieldProblem("category", "is required to sort by category"));
        }
        if (sort == Sort.FIT && blank(workRole)) {
            problems.add(new FieldProblem("workRole", "is required to sort by fit"));
        }
        if (gradFrom != null && gradTo != null && gradFrom > gradTo) {
            problems.add(new FieldProblem("gradTo", "must not be before gradFrom"));
        }
        if (q != null && q.length() > 100) {
            problems.add(new FieldProblem("q", "must be at most 100 characters"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        return this;
    }

    /** The query as URL parameters, for saved searches and links. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "q", q);
        put(p, "category", category);
        put(p, "minCategoryPercentile", minCategoryPercentile);
        put(p, "minScore", minScore);
        put(p, "region", region);
        put(p, "school", school);
        put(p, "certifiedOnly", certifiedOnly ? "true" : null);
        put(p, "gradFrom", gradFrom);
        put(p, "gradTo", gradTo);
        put(p, "certification", certification);
        put(p, "workRole", workRole);
        put(p, "sort", sort == null || sort == Sort.SCORE ? null : sort.name().toLowerCase(Locale.ROOT));
        return p;
    }

    /** The query as an audit entry names it: its parameters ({@code region=Northwest&sort=fit}), or "all". */
    public String summary() {
        Map<String, String> p = parameters();
        if (p.isEmpty()) {
            return "all";
        }
        StringBuilder s = new StringBuilder();
        p.forEach(
                (k, v) -> s.append(s.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return s.toString();
    }

    public static CandidateQuery of(Map<String, String> p) {
        return new CandidateQuery(
                p.get("q"),
                p.get("category"),
                number(p, "minCategoryPercentile"),
                number(p, "minScore"),
                p.get("region"),
                p.get("school"),
                "true".equals(p.get("certifiedOnly")),
                integer(p, "gradFrom"),
                integer(p, "gradTo"),
                p.get("certification"),
                p.get("workRole"),
                sort(p.get("sort")));
    }

    static Sort sort(String text) {
        if (blank(text)) {
            return Sort.SCORE;
        }
        try {
            return Sort.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInput("sort", "must be score, category or fit");
        }
    }

    private static Double number(Map<String, String> p, String name) {
        String v = p.get(name);
        if (blank(v)) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException(v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadInput(name, "must be a number");
        }
    }

    private static Integer integer(Map<String, String> p, String name) {
        String v = p.get(name);
        if (blank(v)) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new BadInput(name, "must be a whole number");
        }
    }

    private static void put(Map<String, String> p, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            p.put(
                    name,
                    value instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : value.toString());
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
