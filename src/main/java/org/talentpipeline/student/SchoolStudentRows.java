package org.talentpipeline.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.talentpipeline.platform.ReadReplica;

/**
 * The ids of one school's students, for the areas that count their own rows of them (a school's
 * certification evidence: results, ratings, placements), read where reads may lag (the replica, if
 * there is one). A school has a few thousand students at most, so the ids travel as a list.
 */
@ApplicationScoped
public class SchoolStudentRows {

    @Inject
    ReadReplica reads;

    /** The ids of every student of the school. */
    public List<Long> ids(long schoolId) {
        return ids("select id from student where school_id = ?", schoolId);
    }

    /**
     * The ids of the school's students enrolled at some time from {@code fromYear} to {@code toYear}:
     * enrolled by the later year, and graduating in the earlier one or after.
     */
    public List<Long> enrolledIds(long schoolId, int fromYear, int toYear) {
        return ids(
                "select id from student where school_id = ? and enrollment_year <= ? and expected_graduation_year >= ?",
                schoolId,
                toYear,
                fromYear);
    }

    private List<Long> ids(String sql, Object... parameters) {
        List<Long> ids = new ArrayList<>();
        try (Connection c = reads.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the school's students could not be read", e);
        }
        return ids;
    }
}
