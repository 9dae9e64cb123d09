package org.talentpipeline.student;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.talentpipeline.platform.CsvReader;

/**
 * The students CSV format (columns named in the header, in any order):
 * {@code student_number,full_name,date_of_birth,email,program,enrollment_year,expected_graduation_year,consent_to_share}.
 * Turns a row into a {@link StudentInput}, or says which cells cannot be read. Cells are stored as
 * the text they hold: nothing in them is ever evaluated.
 */
final class StudentCsv {

    static final List<String> COLUMNS = List.of(
            "student_number",
            "full_name",
            "date_of_birth",
            "email",
            "program",
            "enrollment_year",
            "expected_graduation_year",
            "consent_to_share");
    static final List<String> REQUIRED =
            List.of("student_number", "full_name", "date_of_birth", "enrollment_year", "expected_graduation_year");

    /** The CSV column that holds a {@link StudentInput} property, for error reports. */
    static final Map<String, String> COLUMN_OF = Map.of(
            "studentNumber",
            "student_number",
            "fullName",
            "full_name",
            "dateOfBirth",
            "date_of_birth",
            "email",
            "email",
            "program",
            "program",
            "enrollmentYear",
            "enrollment_year",
            "expectedGraduationYear",
            "expected_graduation_year",
            "consentToShare",
            "consent_to_share");

    private final int[] index = new int[COLUMNS.size()];

    /** Problems with the header itself: a required column missing, an unknown column present. */
    final List<ImportReport.RowError> headerErrors = new ArrayList<>();

    StudentCsv(CsvReader csv) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            index[i] = csv.column(COLUMNS.get(i)).orElse(-1);
            if (index[i] < 0 && REQUIRED.contains(COLUMNS.get(i))) {
                headerErrors.add(new ImportReport.RowError(1, COLUMNS.get(i), "the column is missing"));
            }
        }
        for (String name : csv.header()) {
            if (!COLUMNS.contains(name)) {
                headerErrors.add(new ImportReport.RowError(
                        1, name, "is not a column of the students file (expected " + String.join(",", COLUMNS) + ")"));
            }
        }
    }

    /** A row read into typed values; cells that cannot be read are added to {@code errors}. */
    StudentInput read(CsvReader.Row row, List<ImportReport.RowError> errors) {
        List<String> cells = row.cells();
        if (cells.size() > 1 || !cells.get(0).isEmpty()) {
            int expected =
                    Math.max(1, (int) Arrays.stream(index).filter(i -> i >= 0).count());
            if (cells.size() < expected) {
                errors.add(new ImportReport.RowError(
                        row.line(), null, "has " + cells.size() + " cells; the header names " + expected));
            }
        }
        return new StudentInput(
                text(cells, 0),
                text(cells, 1),
                date(row, cells, 2, errors),
                text(cells, 3),
                text(cells, 4),
                year(row, cells, 5, errors),
                year(row, cells, 6, errors),
                null,
                bool(row, cells, 7, errors),
                null,
                null);
    }

    private String cell(List<String> cells, int column) {
        int i = index[column];
        return i < 0 || i >= cells.size() ? null : cells.get(i);
    }

    private String text(List<String> cells, int column) {
        String value = cell(cells, column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private LocalDate date(CsvReader.Row row, List<String> cells, int column, List<ImportReport.RowError> errors) {
        String value = text(cells, column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new ImportReport.RowError(
                    row.line(), COLUMNS.get(column), "'" + value + "' is not a real date (YYYY-MM-DD)"));
            return null;
        }
    }

    private Integer year(CsvReader.Row row, List<String> cells, int column, List<ImportReport.RowError> errors) {
        String value = text(cells, column);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.add(new ImportReport.RowError(row.line(), COLUMNS.get(column), "'" + value + "' is not a year"));
            return null;
        }
    }

    private Boolean bool(CsvReader.Row row, List<String> cells, int column, List<ImportReport.RowError> errors) {
        String value = text(cells, column);
        if (value == null) {
            return Boolean.FALSE;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> {
                return Boolean.TRUE;
            }
            case "false", "no", "n", "0" -> {
                return Boolean.FALSE;
            }
            default -> {
                errors.add(new ImportReport.RowError(
                        row.line(), COLUMNS.get(column), "'" + value + "' is not true or false"));
                return null;
            }
        }
    }
}
