package org.talentpipeline.student;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.talentpipeline.platform.Migrations;

/**
 * Students looked up by ref in bulk, for a results file that names thousands of them: JDBC, as the
 * lookup of a large field is a measured path (a pass over a school's pairs beats long IN lists). In
 * the caller's transaction where there is one (its connection is the caller's).
 */
@ApplicationScoped
public class StudentRefRows {

    private static final int LOOKUP_CHUNK = 200;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    /**
     * Student ids by ref ({@code SCHOOL/NUMBER}, the school code in any case), keyed by the refs as
     * written; refs that name no student are left out. One query per school and chunk of numbers.
     */
    public Map<String, Long> ids(Set<String> refs) {
        try (Connection c = dataSource.getConnection()) {
            return ids(c, refs);
        } catch (SQLException e) {
            throw new IllegalStateException("students could not be looked up by ref", e);
        }
    }

    /** A student as other areas name them: their ref, and their full name for those who may read it. */
    public record Named(StudentRef ref, String fullName) {}

    /**
     * The refs and names of students by id, for the areas that hold student ids (a judge's entries, a
     * scoreboard's rows, a team's members); ids that name no student are left out. One query per
     * chunk of ids, by the primary key.
     */
    public Map<Long, Named> named(Collection<Long> ids) {
        Map<Long, Named> named = new HashMap<>();
        if (ids.isEmpty()) {
            return named;
        }
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids));
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < distinct.size(); from += LOOKUP_CHUNK) {
                List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_CHUNK));
                String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement s = c.prepareStatement("select s.id, sc.code, s.student_number, s.full_name"
                        + " from student s join school sc on sc.id = s.school_id where s.id in (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            named.put(
                                    rs.getLong(1),
                                    new Named(new StudentRef(rs.getString(2), rs.getString(3)), rs.getString(4)));
                        }
                    }
                }
            }
            return named;
        } catch (SQLException e) {
            throw new IllegalStateException("students could not be looked up by id", e);
        }
    }

    private static Map<String, Long> ids(Connection c, Set<String> refs) throws SQLException {
        Map<String, List<String>> bySchool = new LinkedHashMap<>();
        for (String ref : refs) {
            StudentRef parsed = StudentRef.parse(ref).orElseThrow();
            bySchool.computeIfAbsent(parsed.schoolCode(), k -> new ArrayList<>())
                    .add(parsed.number());
        }
        Map<String, Long> ids = new HashMap<>();
        for (Map.Entry<String, List<String>> school : bySchool.entrySet()) {
            Long schoolId = null;
            try (PreparedStatement s = c.prepareStatement("select id from school where code = ?")) {
                s.setString(1, school.getKey());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        schoolId = rs.getLong(1);
                    }
                }
            }
            if (schoolId == null) {
                continue;
            }
            List<String> numbers = school.getValue();
            if (numbers.size() > LOOKUP_CHUNK) {
                // many of the school's students: one pass over the school's (id, number) pairs beats long IN lists
                Set<String> wanted = new HashSet<>(numbers);
                try (PreparedStatement s =
                        c.prepareStatement("select id, student_number from student where school_id = ?")) {
                    s.setLong(1, schoolId);
                    s.setFetchSize(5_000);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            if (wanted.contains(rs.getString(2))) {
                                ids.put(StudentRef.format(school.getKey(), rs.getString(2)), rs.getLong(1));
                            }
                        }
                    }
                }
                continue;
            }
            // a few: the unique (school_id, student_number) index serves the list
            for (int from = 0; from < numbers.size(); from += LOOKUP_CHUNK) {
                List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + LOOKUP_CHUNK));
                String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement s = c.prepareStatement("select id, student_number from student"
                        + " where school_id = ? and student_number in (" + marks + ")")) {
                    s.setLong(1, schoolId);
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            ids.put(StudentRef.format(school.getKey(), rs.getString(2)), rs.getLong(1));
                        }
                    }
                }
            }
        }
        // refs as written: the school code may have come in lower case
        Map<String, Long> byWritten = new HashMap<>();
        for (String ref : refs) {
            Long id = ids.get(StudentRef.parse(ref).orElseThrow().toString());
            if (id != null) {
                byWritten.put(ref, id);
            }
        }
        return byWritten;
    }
}
