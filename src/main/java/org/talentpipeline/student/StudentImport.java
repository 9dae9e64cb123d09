package org.talentpipeline.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Tenant;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.CsvReader;
import org.talentpipeline.platform.InputLimits;
import org.talentpipeline.platform.Measured;
import org.talentpipeline.school.School;
import org.talentpipeline.school.SchoolService;

/**
 * Imports a school's students from CSV, all rows or none, in constant memory whatever the size.
 *
 * <p>First pass: each row is read and checked on its own (cells, Bean Validation, cross-field
 * rules, a known programme) and the good ones are written in batches to a staging table of this
 * import's own; nothing is held in memory but the current row and the errors. The staging table is
 * created bare and indexed once it is full, and dropped at the end: on H2, filling a fresh table and
 * indexing it afterwards is many times faster than keeping shared indexes up to date, and a drop is
 * instant where deleting rows is not. Then set-based SQL resolves each row's existing student once
 * and finds what rows cannot see alone (a student number twice in the file; sharing for a student
 * under 14 without a guardian's consent on record). Only when the whole file is good does one
 * transaction apply it ({@link ImportApply}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class StudentImport {

    private static final Logger LOG = Logger.getLogger(StudentImport.class.getName());

    @Inject
    ImportRows rows;

    @Inject
    Validator validator;

    @Inject
    ImportApply apply;

    @Inject
    Clock clock;

    @Inject
    SchoolService schools;

    @Inject
    ImportStagingStore staging;

    /**
     * The school the caller may import into: the one named, if their grant reaches it (another, or
     * none of that code, is not found); their own when none is named; null when they may import into
     * any and named none.
     */
    public String school(Caller caller, String requested) {
        Grant grant = Operation.STUDENT_IMPORT.grant(caller);
        String code = requested == null || requested.isBlank()
                ? grant.schoolFilter()
                : requested.trim().toUpperCase(Locale.ROOT);
        if (code == null) {
            return null;
        }
        grant.check(Tenant.school(code), "school " + code);
        return schools.find(code).getCode();
    }

    /**
     * Imports a file into a school, for the caller. {@code size} is the file's length in bytes when
     * known (for progress), or -1.
     *
     * @throws org.talentpipeline.platform.NotFound for a school the caller may not import into
     */
    @Measured(value = "tp_import_seconds", help = "student imports, whole files")
    public ImportReport run(Caller caller, String schoolCode, InputStream in, long size, ImportProgress progress)
            throws IOException {
        String code = school(caller, schoolCode);
        if (code == null) {
            throw new BadInput("school", "is required: choose the school to import into");
        }
        School school = schools.find(code);
        String actor = caller.username();
        Instant now = Instant.now(clock);
        String table = staging.newName(now);
        Counting counted = new Counting(in);
        Errors errors = new Errors();
        long started = System.nanoTime();
        // asked of the school area before the staging's connection is open: on Payara a transactional call made
        // while that connection is held enlists it and, at its end, turns its auto-commit back on, so the staging's
        // batches would commit row by row (and PostgreSQL refuses the last commit)
        Map<String, Long> programs = schools.programIds(school.getCode());
        try {
            try (ImportRows.Staging staged = rows.staging(table)) {
                staged.create();
                if (stage(staged, programs, counted, size, errors, progress)) {
                    // the rows that passed alone are all staged: check them against each other too
                    staged.resolve(school.getId());
                    checkAcrossRows(staged, LocalDate.ofInstant(now, ZoneOffset.UTC), errors);
                }
            } catch (CsvReader.Malformed e) {
                errors.add(
                        new ImportReport.RowError(e.line(), null, e.getMessage().replaceFirst("^line \\d+: ", "")));
            } catch (CharacterCodingException e) {
                errors.add(new ImportReport.RowError(Math.max(1, errors.lastLine), null, "the file is not UTF-8 text"));
            }
            if (errors.count > 0) {
                return new ImportReport(0, 0, errors.count, errors.sorted());
            }
            progress.at(70);
            long checked = System.nanoTime();
            ImportApply.Counts counts = apply.apply(table, school.getId(), school.getCode(), actor, now);
            progress.at(100);
            LOG.info(() -> String.format(
                    Locale.ROOT,
                    "import into %s: %d created, %d updated; read and checked in %.1f s," + " applied in %.1f s",
                    school.getCode(),
                    counts.created(),
                    counts.updated(),
                    (checked - started) / 1e9,
                    (System.nanoTime() - checked) / 1e9));
            return new ImportReport(counts.created(), counts.updated(), 0, List.of());
        } finally {
            staging.drop(table);
        }
    }

    /** Stages the good rows; false when the header itself is wrong and no row could be read. */
    private boolean stage(
            ImportRows.Staging staged,
            Map<String, Long> programs,
            Counting in,
            long size,
            Errors errors,
            ImportProgress progress)
            throws IOException {
        CsvReader csv = CsvReader.of(in, CsvReader.Caps.rows(InputLimits.IMPORT_ROWS));
        StudentCsv format = new StudentCsv(csv);
        format.headerErrors.forEach(errors::add);
        if (!format.headerErrors.isEmpty()) {
            return false;
        }
        int rows = 0;
        for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
            errors.lastLine = row.line();
            if (row.isBlank()) {
                continue;
            }
            rows++;
            int before = errors.count;
            StudentInput input = format.read(row, errors.rowErrors());
            errors.flushRow();
            Long programId = check(row.line(), input, programs, errors);
            if (errors.count > before) {
                continue;
            }
            boolean committed = staged.add(new ImportRows.Staged(
                    row.line(),
                    input.studentNumber(),
                    input.fullName(),
                    Student.nameKey(input.fullName()),
                    input.dateOfBirth(),
                    input.email(),
                    programId,
                    input.enrollmentYear(),
                    input.expectedGraduationYear(),
                    Boolean.TRUE.equals(input.consentToShare())));
            if (committed && size > 0) {
                progress.at((int) Math.min(65, 65 * in.count / size));
            }
        }
        staged.finish();
        if (rows == 0 && errors.count == 0) {
            errors.add(new ImportReport.RowError(1, null, "the file has a header but no students"));
        }
        return true;
    }

    /** Checks one row's values; returns the programme's id when the row names one. */
    private Long check(int line, StudentInput input, Map<String, Long> programs, Errors errors) {
        for (ConstraintViolation<StudentInput> v : validator.validate(input)) {
            String property = v.getPropertyPath().iterator().next().getName();
            if (!errors.alreadyHas(line, StudentCsv.COLUMN_OF.get(property))) {
                errors.add(new ImportReport.RowError(
                        line, StudentCsv.COLUMN_OF.getOrDefault(property, property), v.getMessage()));
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
            errors.add(new ImportReport.RowError(
                    line, "program", "'" + input.program() + "' is not one of the school's programmes"));
        }
        return id;
    }

    private void checkAcrossRows(ImportRows.Staging staged, LocalDate today, Errors errors) {
        // numbers that appear twice, each with its lines in order: the first is fine, the others are not
        String number = null;
        int firstLine = 0;
        for (ImportRows.NumberOnLine repeated : staged.repeatedNumbers()) {
            if (!repeated.studentNumber().equals(number)) {
                number = repeated.studentNumber();
                firstLine = repeated.line();
            } else {
                errors.add(new ImportReport.RowError(
                        repeated.line(),
                        "student_number",
                        "the student number " + number + " is already on line " + firstLine));
            }
        }
        // a new student has no guardian's consent on record yet
        for (int line : staged.guardianNeeded(today)) {
            errors.add(new ImportReport.RowError(line, "consent_to_share", AgeRules.GUARDIAN_NEEDED));
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

        List<ImportReport.RowError> rowErrors() {
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
