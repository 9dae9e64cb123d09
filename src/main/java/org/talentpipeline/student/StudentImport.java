package org.talentpipeline.student;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.CsvReader;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.school.School;

/**
 * Imports a school's students from CSV, all rows or none, in constant memory whatever the size.
 *
 * <p>First pass: each row is read and checked on its own (cells, Bean Validation, cross-field
 * rules, a known programme) and the good ones are written in batches to a staging table; nothing
 * is held in memory but the current row and the errors. Then set-based checks over the staging
 * table find what rows cannot see alone (a student number twice in the file; sharing for a student
 * under 14 without a guardian's consent on record). Only when the whole file is good does one
 * transaction apply it ({@link ImportApply}): updates, inserts and consent history in four SQL
 * statements. Whatever happens, the staging rows are removed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class StudentImport {

    private static final int BATCH = 2_000;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Validator validator;

    @Inject
    ImportApply apply;

    @Inject
    Clock clock;

    /**
     * Imports into a school the caller has already been checked against. {@code size} is the
     * file's length in bytes when known (for progress), or -1.
     */
    public ImportReport run(School school, InputStream in, long size, String actor, ImportProgress progress)
            throws IOException {
        String importId = UUID.randomUUID().toString();
        Instant now = Instant.now(clock);
        Counting counted = new Counting(in);
        Errors errors = new Errors();
        try {
            try (Connection c = dataSource.getConnection()) {
                if (stage(c, school, importId, counted, size, now, errors, progress)) {
                    // the rows that passed alone are all staged: check them against each other too
                    checkAcrossRows(c, school, importId, LocalDate.ofInstant(now, ZoneOffset.UTC), errors);
                }
            } catch (CsvReader.Malformed e) {
                errors.add(new ImportReport.RowError(e.line(), null, e.getMessage().replaceFirst("^line \\d+: ", "")));
            } catch (java.nio.charset.CharacterCodingException e) {
                errors.add(new ImportReport.RowError(Math.max(1, errors.lastLine), null, "the file is not UTF-8 text"));
            }
            if (errors.count > 0) {
                return new ImportReport(0, 0, errors.count, errors.sorted());
            }
            progress.at(70);
            ImportApply.Counts counts = apply.apply(importId, school.getId(), school.getCode(), actor, now);
            progress.at(100);
            return new ImportReport(counts.created(), counts.updated(), 0, List.of());
        } catch (SQLException e) {
            throw new IllegalStateException("the import could not be stored", e);
        } finally {
            discardStaging(importId);
        }
    }

    /** Stages the good rows; false when the header itself is wrong and no row could be read. */
    private boolean stage(Connection c, School school, String importId, Counting in, long size, Instant now, Errors errors,
            ImportProgress progress) throws IOException, SQLException {
        Map<String, Long> programs = programs(c, school.getId());
        CsvReader csv = CsvReader.of(in);
        StudentCsv format = new StudentCsv(csv);
        format.headerErrors.forEach(errors::add);
        if (!format.headerErrors.isEmpty()) {
            return false;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("insert into student_import_row (import_id, line,"
                + " student_number, full_name, name_key, date_of_birth, email, program_id, enrollment_year,"
                + " expected_graduation_year, consent_to_share, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Timestamp created = Timestamp.from(now);
            int pending = 0;
            int rows = 0;
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                errors.lastLine = row.line();
                if (row.isBlank()) {
                    continue;
                }
                rows++;
                int before = errors.count;
                StudentInput input = format.read(row, errors.rowErrors(row.line()));
                errors.flushRow();
                Long programId = check(row.line(), input, programs, errors);
                if (errors.count > before) {
                    continue;
                }
                insert.setString(1, importId);
                insert.setInt(2, row.line());
                insert.setString(3, input.studentNumber());
                insert.setString(4, input.fullName());
                insert.setString(5, Student.nameKey(input.fullName()));
                insert.setDate(6, Date.valueOf(input.dateOfBirth()));
                insert.setString(7, input.email());
                if (programId == null) {
                    insert.setNull(8, Types.BIGINT);
                } else {
                    insert.setLong(8, programId);
                }
                insert.setInt(9, input.enrollmentYear());
                insert.setInt(10, input.expectedGraduationYear());
                insert.setBoolean(11, Boolean.TRUE.equals(input.consentToShare()));
                insert.setTimestamp(12, created);
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    c.commit();
                    pending = 0;
                    if (size > 0) {
                        progress.at((int) Math.min(65, 65 * in.count / size));
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
            c.commit();
            if (rows == 0 && errors.count == 0) {
                errors.add(new ImportReport.RowError(1, null, "the file has a header but no students"));
            }
            return true;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Checks one row's values; returns the programme's id when the row names one. */
    private Long check(int line, StudentInput input, Map<String, Long> programs, Errors errors) {
        for (ConstraintViolation<StudentInput> v : validator.validate(input)) {
            String property = v.getPropertyPath().iterator().next().getName();
            if (!errors.alreadyHas(line, StudentCsv.COLUMN_OF.get(property))) {
                errors.add(new ImportReport.RowError(line, StudentCsv.COLUMN_OF.getOrDefault(property, property), v.getMessage()));
            }
        }
        for (FieldProblem p : input.crossFieldProblems()) {
            errors.add(new ImportReport.RowError(line, StudentCsv.COLUMN_OF.get(p.field()), p.message()));
        }
        if (input.program() == null) {
            return null;
        }
        Long id = programs.get(input.program().toLowerCase(Locale.ROOT));
        if (id == null) {
            errors.add(new ImportReport.RowError(line, "program", "'" + input.program() + "' is not one of the school's programmes"));
        }
        return id;
    }

    private void checkAcrossRows(Connection c, School school, String importId, LocalDate today, Errors errors)
            throws SQLException {
        try (PreparedStatement twice = c.prepareStatement("select r.line, r.student_number, f.first_line"
                + " from student_import_row r join (select student_number, min(line) as first_line from student_import_row"
                + " where import_id = ? group by student_number having count(*) > 1) f on f.student_number = r.student_number"
                + " where r.import_id = ? and r.line > f.first_line")) {
            twice.setString(1, importId);
            twice.setString(2, importId);
            try (ResultSet rs = twice.executeQuery()) {
                while (rs.next()) {
                    errors.add(new ImportReport.RowError(rs.getInt(1), "student_number",
                            "the student number " + rs.getString(2) + " is already on line " + rs.getInt(3)));
                }
            }
        }
        try (PreparedStatement young = c.prepareStatement("select r.line from student_import_row r left join student s"
                + " on s.school_id = ? and s.student_number = r.student_number where r.import_id = ?"
                + " and r.consent_to_share = true and r.date_of_birth > ? and (s.id is null or s.guardian_consent = false)")) {
            young.setLong(1, school.getId());
            young.setString(2, importId);
            young.setDate(3, Date.valueOf(today.minusYears(Student.AGE_OF_DIGITAL_CONSENT)));
            try (ResultSet rs = young.executeQuery()) {
                while (rs.next()) {
                    errors.add(new ImportReport.RowError(rs.getInt(1), "consent_to_share", "a student under "
                            + Student.AGE_OF_DIGITAL_CONSENT + " needs a guardian's consent recorded before sharing"));
                }
            }
        }
    }

    private static Map<String, Long> programs(Connection c, long schoolId) throws SQLException {
        Map<String, Long> programs = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select id, name from program where school_id = ?")) {
            s.setLong(1, schoolId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    programs.put(rs.getString(2).toLowerCase(Locale.ROOT), rs.getLong(1));
                }
            }
        }
        return programs;
    }

    private void discardStaging(String importId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("delete from student_import_row where import_id = ?")) {
            delete.setString(1, importId);
            delete.executeUpdate();
        } catch (SQLException e) {
            // leftovers are harmless (keyed by a fresh id) and are swept at the next start
            java.util.logging.Logger.getLogger(StudentImport.class.getName()).warning("staging rows not removed: " + e);
        }
    }

    /** The errors of one import: all counted, the first {@link ImportReport#MAX_LISTED} kept. */
    private static final class Errors {
        int count;
        int lastLine;
        final List<ImportReport.RowError> listed = new ArrayList<>();
        private final List<ImportReport.RowError> row = new ArrayList<>();

        void add(ImportReport.RowError e) {
            count++;
            if (listed.size() < ImportReport.MAX_LISTED) {
                listed.add(e);
            }
        }

        List<ImportReport.RowError> rowErrors(int line) {
            row.clear();
            return row;
        }

        void flushRow() {
            row.forEach(this::add);
            row.clear();
        }

        boolean alreadyHas(int line, String column) {
            for (int i = listed.size() - 1; i >= 0 && listed.get(i).line() == line; i--) {
                if (column != null && column.equals(listed.get(i).column())) {
                    return true;
                }
            }
            return false;
        }

        List<ImportReport.RowError> sorted() {
            List<ImportReport.RowError> copy = new ArrayList<>(listed);
            copy.sort(Comparator.comparingInt(ImportReport.RowError::line));
            return copy;
        }
    }

    /** Counts the bytes read, for progress. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
