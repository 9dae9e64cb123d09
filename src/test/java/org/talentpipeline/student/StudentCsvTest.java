package org.talentpipeline.student;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.talentpipeline.platform.CsvReader;

class StudentCsvTest {

    static CsvReader csv(String text) throws IOException {
        return CsvReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsARowWhateverTheColumnOrder() throws IOException {
        CsvReader r = csv("consent_to_share,expected_graduation_year,enrollment_year,program,email,date_of_birth,"
                + "full_name,student_number\nyes,2027,2023,Cyberspace Security,a@b.edu,2004-03-01,\"Wang, Wei\",S1\n");
        StudentCsv format = new StudentCsv(r);
        assertTrue(format.headerErrors.isEmpty());
        List<ImportReport.RowError> errors = new ArrayList<>();
        StudentInput input = format.read(r.next(), errors);
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals("S1", input.studentNumber());
        assertEquals("Wang, Wei", input.fullName());
        assertEquals(LocalDate.of(2004, 3, 1), input.dateOfBirth());
        assertEquals(2027, input.expectedGraduationYear());
        assertEquals(Boolean.TRUE, input.consentToShare());
    }

    @Test
    void namesEachCellThatCannotBeRead() throws IOException {
        CsvReader r =
                csv("student_number,full_name,date_of_birth,enrollment_year,expected_graduation_year,consent_to_share\n"
                        + "S1,Ana,2004-02-30,twenty,2027,perhaps\n");
        StudentCsv format = new StudentCsv(r);
        List<ImportReport.RowError> errors = new ArrayList<>();
        StudentInput input = format.read(r.next(), errors);
        assertEquals(
                List.of("date_of_birth", "enrollment_year", "consent_to_share"),
                errors.stream().map(ImportReport.RowError::column).toList());
        assertTrue(errors.stream().allMatch(e -> e.line() == 2));
        assertNull(input.dateOfBirth());
    }

    @Test
    void aMissingRequiredColumnOrAnUnknownOneIsAHeaderError() throws IOException {
        StudentCsv format = new StudentCsv(csv("student_number,full_name,shoe_size\n"));
        List<String> columns =
                format.headerErrors.stream().map(ImportReport.RowError::column).toList();
        assertTrue(
                columns.containsAll(
                        List.of("date_of_birth", "enrollment_year", "expected_graduation_year", "shoe_size")),
                columns.toString());
        assertTrue(format.headerErrors.stream().allMatch(e -> e.line() == 1));
    }

    @Test
    void formulaLikeCellsAreKeptAsText() throws IOException {
        CsvReader r = csv("student_number,full_name,date_of_birth,enrollment_year,expected_graduation_year\n"
                + "S1,=HYPERLINK(\"http://x\"),2004-01-01,2023,2027\n");
        StudentInput input = new StudentCsv(r).read(r.next(), new ArrayList<>());
        assertEquals("=HYPERLINK(\"http://x\")", input.fullName());
    }
}
