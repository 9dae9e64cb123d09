package org.talentpipeline.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.talentpipeline.placement.PlacementService;
import org.talentpipeline.platform.CsvWriter;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.scoring.RatingAnalytics;
import org.talentpipeline.scoring.RatingFigures;
import org.talentpipeline.taxonomy.NiceFramework;

/**
 * Analytics for a school and for the nation, each figure with its table: the pages draw a chart
 * of a table and offer the same table as CSV beside it, the API answers the figures as JSON and
 * each table as CSV. The figures are counted by the areas that own them (scoring's ratings,
 * placement's pipelines), which check the caller; this class only puts them side by side.
 */
@ApplicationScoped
public class Analytics {

    /** The school's tables, as the API's and the files' names know them. */
    public static final List<String> SCHOOL_TABLES = List.of("distribution", "categories", "trend", "placements");
    /** The nation's tables. */
    public static final List<String> NATIONAL_TABLES = List.of("regions", "schools", "work-roles", "distribution");

    @Inject
    RatingAnalytics ratings;

    @Inject
    PlacementService placements;

    @Inject
    NiceFramework nice;

    public record School(RatingAnalytics.SchoolFigures ratings, PlacementService.SchoolPlacements placements) {}

    public record Nation(RatingAnalytics.NationalFigures ratings, PlacementService.PipelineNumbers placements) {}

    /** A school's figures (ADMIN: any school; SCHOOL_ADMIN: their own, another is not found). */
    public School school(String code) {
        RatingAnalytics.SchoolFigures figures = ratings.school(code);
        return new School(figures, placements.schoolPlacements(figures.school()));
    }

    /** The nation's figures (ADMIN). */
    public Nation nation() {
        return new Nation(ratings.national(), placements.numbers());
    }

    /** The schools with rated students, by name: those an ADMIN may pick a school's analytics from. */
    public List<RatingAnalytics.Group> ratedSchools() {
        return ratings.national().schools().stream()
                .sorted(Comparator.comparing(RatingAnalytics.Group::name))
                .toList();
    }

    /** One of the school's tables, header first; an unknown table is not found. */
    public List<List<Object>> table(School school, String name) {
        List<List<Object>> rows = new ArrayList<>();
        switch (name == null ? "" : name) {
            case "distribution" -> distribution(rows, school.ratings().distribution());
            case "categories" -> {
                rows.add(List.of("category", "students", "mean_talent_score", "national_mean_talent_score"));
                school.ratings()
                        .categories()
                        .forEach(c -> rows.add(List.of(c.category(), c.students(), c.mean(), c.nationalMean())));
            }
            case "trend" -> {
                rows.add(List.of("quarter", "results", "students", "mean_place_percentile"));
                school.ratings()
                        .trend()
                        .forEach(q ->
                                rows.add(List.of(q.quarter(), q.results(), q.students(), q.meanPlacePercentile())));
            }
            case "placements" -> {
                rows.add(List.of("stage", "placements"));
                school.placements().funnel().forEach((stage, n) -> rows.add(List.of(stage, n)));
            }
            default -> throw new NotFound("table " + name);
        }
        return rows;
    }

    /** One of the nation's tables, header first; an unknown table is not found. */
    public List<List<Object>> table(Nation nation, String name) {
        List<List<Object>> rows = new ArrayList<>();
        switch (name == null ? "" : name) {
            case "regions" -> {
                rows.add(List.of("region", "rated_students", "mean_talent_score", "best_talent_score"));
                nation.ratings().regions().forEach(g -> rows.add(List.of(g.key(), g.students(), g.mean(), g.best())));
            }
            case "schools" -> {
                rows.add(List.of(
                        "school", "name", "rated_students", "mean_talent_score", "best_talent_score", "placed"));
                Map<String, Long> placed = nation.placements().placedBySchool();
                nation.ratings()
                        .schools()
                        .forEach(g -> rows.add(List.of(
                                g.key(),
                                g.name(),
                                g.students(),
                                g.mean(),
                                g.best(),
                                placed.getOrDefault(g.key(), 0L))));
            }
            case "work-roles" -> {
                rows.add(List.of(
                        "work_role", "title", "rated_students", "mean_talent_score", "best_talent_score", "placed"));
                Map<String, Long> placed = nation.placements().placedByWorkRole();
                nation.ratings()
                        .workRoles()
                        .forEach(g -> rows.add(List.of(
                                g.key(),
                                nice.label(g.key()),
                                g.students(),
                                g.mean(),
                                g.best(),
                                placed.getOrDefault(g.key(), 0L))));
            }
            case "distribution" -> distribution(rows, nation.ratings().distribution());
            default -> throw new NotFound("table " + name);
        }
        return rows;
    }

    private static void distribution(List<List<Object>> rows, List<RatingFigures.Bucket> buckets) {
        rows.add(List.of("talent_score_from", "talent_score_below", "students"));
        buckets.forEach(b -> rows.add(List.of(b.from(), b.from() + RatingFigures.BUCKET, b.students())));
    }

    /** A table as CSV (UTF-8 is the writer's; text a spreadsheet would run as a formula is defused). */
    public static void csv(List<List<Object>> table, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        for (List<Object> row : table) {
            csv.row(row);
        }
        out.flush();
    }
}
