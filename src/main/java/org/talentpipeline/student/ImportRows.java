package org.talentpipeline.student;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.talentpipeline.platform.Migrations;

/**
 * The student import's SQL, set-based: a staging table filled in JDBC batches, the rows resolved to
 * their students in one insert-select, the checks across rows as two queries, and the apply as a
 * handful of statements over the whole table (MERGE and {@code nextval('...')}, the same on H2 and
 * PostgreSQL). JDBC, not JPA: imports of 100,000 students are measured (the import benchmarks).
 */
@ApplicationScoped
public class ImportRows {

    private static final int BATCH = 2_000;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    /** A staged row: a student as the file gives them, checked alone. */
    record Staged(
            int line,
            String studentNumber,
            String fullName,
            String nameKey,
            LocalDate dateOfBirth,
            String email,
            Long programId,
            int enrollmentYear,
            int expectedGraduationYear,
            boolean consentToShare) {}

    /** A student number on several lines, and one of those lines. */
    record NumberOnLine(String studentNumber, int line) {}

    /**
     * The staging of one import, on one connection of its own outside any transaction: the rows are
     * committed every {@value #BATCH}, so that a large file holds no long transaction.
     */
    Staging staging(String table) {
        try {
            return new Staging(dataSource.getConnection(), table);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    final class Staging implements AutoCloseable {

        private final Connection c;
        private final String table;
        private PreparedStatement insert;
        private boolean autoCommit;
        private boolean batching;
        private int pending;

        private Staging(Connection c, String table) {
            this.c = c;
            this.table = table;
        }

        /** Creates the table of rows checked alone ({@code <table>_rows}) and gets ready to fill it. */
        void create() {
            try {
                createStaging(c, table + "_rows", "");
                autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                batching = true;
                insert = c.prepareStatement("insert into " + table + "_rows (line, student_number, full_name,"
                        + " name_key, date_of_birth, email, program_id, enrollment_year, expected_graduation_year,"
                        + " consent_to_share) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        /** Stages a row; true when a batch was written and committed (a moment to report progress). */
        boolean add(Staged row) {
            try {
                insert.setInt(1, row.line());
                insert.setString(2, row.studentNumber());
                insert.setString(3, row.fullName());
                insert.setString(4, row.nameKey());
                insert.setDate(5, Date.valueOf(row.dateOfBirth()));
                insert.setString(6, row.email());
                if (row.programId() == null) {
                    insert.setNull(7, Types.BIGINT);
                } else {
                    insert.setLong(7, row.programId());
                }
                insert.setInt(8, row.enrollmentYear());
                insert.setInt(9, row.expectedGraduationYear());
                insert.setBoolean(10, row.consentToShare());
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    c.commit();
                    pending = 0;
                    return true;
                }
                return false;
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        /** Writes and commits the last rows, and goes back to the connection's commit mode. */
        void finish() {
            try {
                if (pending > 0) {
                    insert.executeBatch();
                    pending = 0;
                }
                c.commit();
                c.setAutoCommit(autoCommit);
                batching = false;
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        /**
         * Copies the staged rows into a second fresh table ({@code <table>}) beside each row's existing
         * student (null for a new one) and, for a new one, the id it will have. One insert-select: on H2
         * that takes a second per 100,000 rows, where updating the rows in place took several.
         */
        void resolve(long schoolId) {
            try {
                createStaging(c, table, ", student_id bigint, new_id bigint");
                try (PreparedStatement resolve = c.prepareStatement("insert into " + table
                        + " select r.line, r.student_number,"
                        + " r.full_name, r.name_key, r.date_of_birth, r.email, r.program_id, r.enrollment_year,"
                        + " r.expected_graduation_year, r.consent_to_share, s.id,"
                        + " case when s.id is null then nextval('student_seq') end from " + table + "_rows r"
                        + " left join student s on s.school_id = ? and s.student_number = r.student_number")) {
                    resolve.setLong(1, schoolId);
                    resolve.executeUpdate();
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        /** The numbers that appear on several lines, each with its lines in order. */
        List<NumberOnLine> repeatedNumbers() {
            List<NumberOnLine> repeated = new ArrayList<>();
            try (PreparedStatement twice = c.prepareStatement("select student_number, line from " + table
                            + " where student_number in (select student_number from " + table
                            + " group by student_number having count(*) > 1) order by student_number, line");
                    ResultSet rs = twice.executeQuery()) {
                while (rs.next()) {
                    repeated.add(new NumberOnLine(rs.getString(1), rs.getInt(2)));
                }
                return repeated;
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        /**
         * The lines of students who would share without a guardian's consent on record (a new student
         * has none yet): {@link AgeRules}' rule in SQL, beside its Java form.
         */
        List<Integer> guardianNeeded(LocalDate today) {
            List<Integer> lines = new ArrayList<>();
            try (PreparedStatement young = c.prepareStatement("select r.line from " + table + " r left join student s"
                    + " on s.id = r.student_id where "
                    + AgeRules.consentRefusedSql(
                            "r.date_of_birth", "r.consent_to_share", "coalesce(s.guardian_consent, false)"))) {
                young.setDate(1, Date.valueOf(AgeRules.guardianNeededBornAfter(today)));
                try (ResultSet rs = young.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getInt(1));
                    }
                }
                return lines;
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        @Override
        public void close() {
            try (Connection closing = c) {
                if (insert != null) {
                    insert.close();
                }
                if (batching) {
                    c.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }
    }

    private static void createStaging(Connection c, String table, String resolvedColumns) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table " + table + " (line integer not null, student_number varchar(40) not null,"
                    + " full_name varchar(200) not null, name_key varchar(200) not null, date_of_birth date not null,"
                    + " email varchar(254), program_id bigint, enrollment_year integer not null,"
                    + " expected_graduation_year integer not null, consent_to_share boolean not null" + resolvedColumns
                    + ")");
        }
    }

    /**
     * Consent history for the existing students whose consent the file changes (withdrawn consent also
     * withdraws the guardian's). In the caller's transaction, as are the other steps of the apply.
     */
    void recordConsentChanges(String table, String actor, Instant now) {
        execute(
                "insert into student_consent (id, student_id, granted, guardian_consent, recorded_by, recorded_at,"
                        + " source) select nextval('student_consent_seq'), s.id, r.consent_to_share,"
                        + " case when r.consent_to_share then s.guardian_consent else false end, ?, ?, 'IMPORT'"
                        + " from " + table + " r join student s on s.id = r.student_id"
                        + " where r.consent_to_share <> s.consent_to_share",
                actor,
                Timestamp.from(now));
    }

    /**
     * Updates the existing students of the file, only where something changed: on H2 an update in
     * place is the slow part, and re-importing an unchanged file should not pay for it. Returns how
     * many existing students the file named.
     */
    int updateExisting(String table, Instant now) {
        int existing;
        try (Connection c = dataSource.getConnection();
                PreparedStatement count =
                        c.prepareStatement("select count(*) from " + table + " where student_id is not null");
                ResultSet rs = count.executeQuery()) {
            rs.next();
            existing = rs.getInt(1);
        } catch (SQLException e) {
            throw failed(e);
        }
        execute(
                "merge into student s using (select * from " + table + " where student_id is not null) r"
                        + " on (s.id = r.student_id)"
                        + " when matched and (s.full_name <> r.full_name or s.date_of_birth <> r.date_of_birth"
                        + " or coalesce(s.email, '') <> coalesce(r.email, '') or coalesce(s.program_id, -1) <> coalesce(r.program_id, -1)"
                        + " or s.enrollment_year <> r.enrollment_year or s.expected_graduation_year <> r.expected_graduation_year"
                        + " or s.consent_to_share <> r.consent_to_share) then update set full_name = r.full_name, name_key = r.name_key,"
                        + " date_of_birth = r.date_of_birth, email = r.email, program_id = r.program_id,"
                        + " enrollment_year = r.enrollment_year, expected_graduation_year = r.expected_graduation_year,"
                        + " consent_to_share = r.consent_to_share,"
                        + " guardian_consent = case when r.consent_to_share then s.guardian_consent else false end,"
                        + " updated_at = ?, version = s.version + 1",
                Timestamp.from(now));
        return existing;
    }

    /** The selector of the existing students an import updated, for {@link StudentsChanged#batch}. */
    static String updatedSelector(String table) {
        return "select student_id from " + table + " where student_id is not null";
    }

    /** Inserts the new students of the file, in its order, with the ids resolved for them; returns how many. */
    int insertNew(String table, long schoolId, Instant now) {
        Timestamp at = Timestamp.from(now);
        return execute(
                "insert into student (id, school_id, student_number, full_name, name_key, date_of_birth,"
                        + " email, program_id, enrollment_year, expected_graduation_year, status, consent_to_share,"
                        + " guardian_consent, created_at, updated_at, version) select r.new_id, ?, r.student_number,"
                        + " r.full_name, r.name_key, r.date_of_birth, r.email, r.program_id, r.enrollment_year,"
                        + " r.expected_graduation_year, 'ENROLLED', r.consent_to_share, false, ?, ?, 1 from "
                        + table + " r"
                        + " where r.student_id is null order by r.line",
                schoolId,
                at,
                at);
    }

    /** The consent of the new students who share, recorded as given by the import. */
    void recordNewConsent(String table, String actor, Instant now) {
        execute(
                "insert into student_consent (id, student_id, granted, guardian_consent, recorded_by, recorded_at,"
                        + " source) select nextval('student_consent_seq'), r.new_id, true, false, ?, ?, 'IMPORT'"
                        + " from " + table + " r where r.student_id is null and r.consent_to_share = true",
                actor,
                Timestamp.from(now));
    }

    private int execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("the import could not be stored", e);
    }
}
