package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.talentpipeline.competition.EventService;
import org.talentpipeline.platform.Jdbc;
import org.talentpipeline.platform.ReadReplica;
import org.talentpipeline.school.School;
import org.talentpipeline.school.SchoolService;
import org.talentpipeline.scoring.engine.SkillCategories;
import org.talentpipeline.student.StudentService;

/**
 * The reads behind {@link RatingAnalytics}: counts and means over the ratings, grouped by school,
 * region, skill category and work role, where lag is tolerated ({@link ReadReplica}). No policy check
 * here; the service makes it.
 *
 * <p>A school's figures read its students' ratings by their ids, asked of the student area, and its
 * names of the school area; the work roles' categories are the competition area's. The national
 * figures by region and by school join the student area's tables, as {@link RatingReadRows}' count by
 * region does and for the same reason (see its note): every rated student of the nation, grouped.
 */
@ApplicationScoped
public class AnalyticsRows {

    @Inject
    ReadReplica reads;

    @Inject
    SchoolService schools;

    @Inject
    StudentService students;

    @Inject
    EventService events;

    /** The ratings of a school's students ({@code ?} an array of their ids), in a category: the clause's end. */
    private static final String OF_SCHOOL = " from rating r where r.student_id = any(?) and r.category ";

    /** A school's figures; a school that does not exist is not found. */
    RatingAnalytics.SchoolFigures school(String code) {
        School school = schools.find(code);
        List<Long> ids = students.idsOfSchool(school.getCode());
        try (Connection c = reads.connect()) {
            Array ofSchool = Jdbc.ids(c, ids);
            long rated;
            try (PreparedStatement s = c.prepareStatement("select count(*)" + OF_SCHOOL + "= ''")) {
                s.setArray(1, ofSchool);
                rated = Jdbc.count(s);
            }
            return new RatingAnalytics.SchoolFigures(
                    school.getCode(),
                    school.getName(),
                    school.getLocalName(),
                    rated,
                    buckets(c, OF_SCHOOL + "= ''", ofSchool),
                    strengths(c, ofSchool),
                    trend(c, ofSchool));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The nation's figures: rated students by region, by school and by work role, and the distribution. */
    RatingAnalytics.NationalFigures national() {
        String of = RatingReadRows.RATED_STUDENTS_AND_SCHOOLS + " where r.category = ''";
        try (Connection c = reads.connect()) {
            List<RatingAnalytics.Group> regions = groups(
                    c,
                    "select sc.region, sc.region, count(*), avg(r.talent_score), max(r.talent_score)" + of
                            + " group by sc.region order by count(*) desc, sc.region");
            List<RatingAnalytics.Group> schools = groups(
                    c,
                    "select sc.code, sc.name, count(*), avg(r.talent_score), max(r.talent_score)" + of
                            + " group by sc.code, sc.name order by avg(r.talent_score) desc, sc.code");
            long rated =
                    regions.stream().mapToLong(RatingAnalytics.Group::students).sum();
            return new RatingAnalytics.NationalFigures(
                    rated, regions, schools, workRoles(c), buckets(c, " from rating r where r.category = ''", null));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<RatingAnalytics.CategoryStrength> strengths(Connection c, Array school) throws SQLException {
        Map<String, Double> national = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                        "select category, avg(talent_score) from rating where category <> '' group by category");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                national.put(rs.getString(1), rs.getDouble(2));
            }
        }
        List<RatingAnalytics.CategoryStrength> strengths = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select r.category, count(*), avg(r.talent_score)" + OF_SCHOOL
                + "<> '' group by r.category order by avg(r.talent_score) desc, r.category")) {
            s.setArray(1, school);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    strengths.add(new RatingAnalytics.CategoryStrength(
                            rs.getString(1),
                            rs.getLong(2),
                            tenth(rs.getDouble(3)),
                            tenth(national.getOrDefault(rs.getString(1), 0.0))));
                }
            }
        }
        return strengths;
    }

    /** From each student's explanation (one entry per rated result, with its day, place and field size). */
    private static List<RatingAnalytics.Quarter> trend(Connection c, Array school) throws SQLException {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Double> percentiles = new HashMap<>();
        Map<String, Set<Long>> students = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select r.student_id, r.history" + OF_SCHOOL + "= ''")) {
            s.setArray(1, school);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long student = rs.getLong(1);
                    for (HistoryEntry e : HistoryEntry.parse(rs.getString(2))) {
                        String quarter = quarter(LocalDate.ofEpochDay(e.day()));
                        counts.computeIfAbsent(quarter, q -> new long[1])[0]++;
                        percentiles.merge(quarter, Percentile.ofPlace(e.place(), e.fieldSize()), Double::sum);
                        students.computeIfAbsent(quarter, q -> new HashSet<>()).add(student);
                    }
                }
            }
        }
        List<RatingAnalytics.Quarter> trend = new ArrayList<>();
        counts.forEach((q, n) -> trend.add(
                new RatingAnalytics.Quarter(q, n[0], students.get(q).size(), tenth(percentiles.get(q) / n[0]))));
        return trend;
    }

    static String quarter(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * Per work role, the students rated in a category that evidences it (the category's role in the
     * synonym table, or an event's mapping of that category), with their best score among those
     * categories: the search's fit to the role.
     */
    private List<RatingAnalytics.Group> workRoles(Connection c) throws SQLException {
        SkillCategories table = CategorySynonymRows.skillCategories(c);
        Map<String, Set<String>> categories = new TreeMap<>();
        table.workRoles()
                .forEach((category, role) ->
                        categories.computeIfAbsent(role, r -> new TreeSet<>()).add(category));
        events.categoriesByWorkRole()
                .forEach((role, names) -> names.forEach(name ->
                        categories.computeIfAbsent(role, r -> new TreeSet<>()).add(table.canonical(name))));
        List<RatingAnalytics.Group> roles = new ArrayList<>();
        for (Map.Entry<String, Set<String>> role : categories.entrySet()) {
            String marks = String.join(", ", Collections.nCopies(role.getValue().size(), "?"));
            try (PreparedStatement s =
                    c.prepareStatement("select count(*), avg(best), max(best) from (select r.student_id,"
                            + " max(r.talent_score) best from rating r where r.category in (" + marks
                            + ") group by r.student_id) t")) {
                int i = 1;
                for (String category : role.getValue()) {
                    s.setString(i++, category);
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        roles.add(new RatingAnalytics.Group(
                                role.getKey(),
                                role.getKey(),
                                rs.getLong(1),
                                tenth(rs.getDouble(2)),
                                tenth(rs.getDouble(3))));
                    }
                }
            }
        }
        roles.sort(Comparator.comparingLong(RatingAnalytics.Group::students)
                .reversed()
                .thenComparing(RatingAnalytics.Group::key));
        return roles;
    }

    private static List<RatingAnalytics.Group> groups(Connection c, String sql) throws SQLException {
        List<RatingAnalytics.Group> groups = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String key = rs.getString(1) == null ? "-" : rs.getString(1);
                groups.add(new RatingAnalytics.Group(
                        key,
                        rs.getString(2) == null ? key : rs.getString(2),
                        rs.getLong(3),
                        tenth(rs.getDouble(4)),
                        tenth(rs.getDouble(5))));
            }
        }
        return groups;
    }

    private static List<RatingFigures.Bucket> buckets(Connection c, String of, Array students) throws SQLException {
        List<RatingFigures.Bucket> buckets = new ArrayList<>();
        String bucket = "floor(r.talent_score / " + RatingFigures.BUCKET + ")";
        try (PreparedStatement s = c.prepareStatement(
                "select " + bucket + ", count(*)" + of + " group by " + bucket + " order by " + bucket)) {
            if (students != null) {
                s.setArray(1, students);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    buckets.add(new RatingFigures.Bucket(rs.getInt(1) * RatingFigures.BUCKET, rs.getLong(2)));
                }
            }
        }
        return buckets;
    }

    static double tenth(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
