package org.talentpipeline.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.talentpipeline.platform.ReadReplica;
import org.talentpipeline.scoring.engine.SkillCategories;

/**
 * The candidate search's reads in SQL, on one connection each search, closed with it: the lookups
 * its filters need (whether some school refuses an agency, the categories that map onto a work
 * role), the page's statement run and its rows read, and the count; and, on a connection of its own
 * to the primary, whether the page's students consent now. The statements' text is built by
 * {@link CandidateSearch}, which keeps the flow (access, audit, what is cached, replica or primary).
 *
 * <p>A failure of the database is an {@link IllegalStateException}: "the candidate search failed",
 * the count's own "the candidate count failed".
 */
final class CandidateRows implements AutoCloseable {

    private static final String FAILED = "the candidate search failed";

    /**
     * A student row {@code st} shares with the agency now: the student shares with every approved
     * agency or chose this one, and their school approves it. Bound with the agency code twice.
     */
    static final String SHARES_WITH_AGENCY = " and (st.all_agencies = true or exists (select 1 from student_agency sa"
            + " where sa.student_id = st.id and sa.agency_code = ?)) and exists (select 1 from school_agency ap"
            + " where ap.school_id = st.school_id and ap.agency_code = ?)";

    private final Connection c;

    private CandidateRows(Connection c) {
        this.c = c;
    }

    /** Reads where they may lag: on the replica if there is one, else on the primary. */
    static CandidateRows onReplica(ReadReplica reads) {
        try {
            return new CandidateRows(reads.connect());
        } catch (SQLException e) {
            throw new IllegalStateException(FAILED, e);
        }
    }

    /** Reads on the primary. */
    static CandidateRows onPrimary(DataSource dataSource) {
        try {
            return new CandidateRows(dataSource.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException(FAILED, e);
        }
    }

    @Override
    public void close() {
        try {
            c.close();
        } catch (SQLException e) {
            throw new IllegalStateException(FAILED, e);
        }
    }

    /** A row of the page's statement ({@link CandidateSearch#pageStatement}), its columns in order. */
    record Found(
            long id,
            double score,
            Double categoryScore,
            Double fit,
            String school,
            String studentNumber,
            String fullName,
            String schoolName,
            String region,
            int graduationYear,
            String email,
            LocalDate dateOfBirth,
            String certificationStatus,
            boolean consenting) {}

    /** The rows of a page's statement, in its order. */
    List<Found> page(CandidateSearch.Statement statement) {
        List<Found> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(statement.sql())) {
            bind(s, statement.parameters());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Found(
                            rs.getLong(1),
                            rs.getDouble(2),
                            nullableDouble(rs, 3),
                            nullableDouble(rs, 4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getInt(10),
                            rs.getString(11),
                            rs.getDate(12).toLocalDate(),
                            rs.getString(13),
                            rs.getBoolean(14)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(FAILED, e);
        }
        return found;
    }

    /**
     * Which of these students (by id) consent now, read on the primary (a connection of its own) by
     * their primary keys in one statement; for a recruiter ({@code agency} not null), with their
     * consent covering the agency and their school approving it.
     */
    static Set<Long> consentingNow(DataSource dataSource, List<Long> ids, String agency) {
        Set<Long> consenting = new HashSet<>();
        try (Connection primary = dataSource.getConnection();
                PreparedStatement s =
                        primary.prepareStatement("select st.id from student st where st.consent_to_share = true"
                                + (agency == null ? "" : SHARES_WITH_AGENCY) + " and st.id in ("
                                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")) {
            List<Object> parameters = new ArrayList<>();
            if (agency != null) {
                parameters.add(agency);
                parameters.add(agency);
            }
            parameters.addAll(ids);
            bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    consenting.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(FAILED, e);
        }
        return consenting;
    }

    /**
     * Fit to a work role, as an SQL expression on {@code r.student_id}: the candidate's best talent
     * score in the competition categories that events map onto the role ({@code names}: the
     * competition area's, compared without case), 0 where they have none. The role filter keeps those who
     * list the role among their skills; fit ranks them by their competition evidence for it, then
     * by their talent score.
     */
    static String fitTo(Collection<String> names, SkillCategories table) {
        // ratings are kept under canonical names ("reversing" is rated as "rev")
        List<String> categories = names.stream()
                .map(name -> "'" + table.canonical(name).replace("'", "''") + "'")
                .distinct()
                .toList();
        if (categories.isEmpty()) {
            return "cast(0 as double precision)";
        }
        // the names written into the statement as quoted literals: the fit is computed in the select list, whose
        // parameters would come before the filters'
        return "coalesce((select max(f.talent_score) from rating f where f.student_id = r.student_id and lower(f.category) in ("
                + String.join(", ", categories) + ")), 0)";
    }

    /** Whether some school does not approve the agency (then the search asks each candidate's school). */
    boolean someSchoolRefuses(String agency) {
        try (PreparedStatement s = c.prepareStatement("select count(*) from school sc where not exists (select 1 from"
                + " school_agency ap where ap.school_id = sc.id and ap.agency_code = ?)")) {
            s.setString(1, agency);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(FAILED, e);
        }
    }

    /** How many rows the FROM and WHERE {@code from} match (with its parameters), counted up to {@code cap}. */
    long count(String from, List<Object> parameters, int cap) {
        try (PreparedStatement s = c.prepareStatement(
                "select count(*) from (select 1 as x" + from + " fetch first " + (cap + 1) + " rows only) capped")) {
            bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return Math.min(rs.getLong(1), cap);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the candidate count failed", e);
        }
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** Binds the parameters in order; an {@link Instant} as a timestamp. */
    private static int bind(PreparedStatement s, List<Object> parameters) throws SQLException {
        int i = 1;
        for (Object p : parameters) {
            s.setObject(i++, p instanceof Instant instant ? Timestamp.from(instant) : p);
        }
        return i;
    }
}
