package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    static CsvReader csv(String text) throws IOException {
        return CsvReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsNamedColumnsWhateverTheirOrder() throws IOException {
        CsvReader r = csv("Full_Name,student_number\nAna,S1\n");
        assertEquals(1, r.column("student_number").orElseThrow());
        assertEquals(0, r.column("FULL_NAME").orElseThrow());
        assertEquals(List.of("Ana", "S1"), r.next().cells());
        assertNull(r.next());
    }

    @Test
    void skipsAByteOrderMarkAndAcceptsCrLf() throws IOException {
        CsvReader r = csv("\uFEFFa,b\r\n1,2\r\n3,4\r\n");
        assertEquals(List.of("a", "b"), r.header());
        CsvReader.Row first = r.next();
        assertEquals(List.of("1", "2"), first.cells());
        assertEquals(2, first.line());
        assertEquals(3, r.next().line());
        assertNull(r.next());
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws IOException {
        CsvReader r = csv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,row,here\n");
        CsvReader.Row first = r.next();
        assertEquals(List.of("x, y", "say \"hi\"", "two\nlines"), first.cells());
        assertEquals(2, first.line());
        CsvReader.Row second = r.next();
        assertEquals(4, second.line(), "the line count follows the line break inside the quotes");
        assertEquals(List.of("next", "row", "here"), second.cells());
    }

    @Test
    void aLastLineWithoutNewlineAndEmptyCellsAreRead() throws IOException {
        CsvReader r = csv("a,b,c\n,,\n1,,3");
        assertEquals(List.of("", "", ""), r.next().cells());
        assertEquals(List.of("1", "", "3"), r.next().cells());
        assertNull(r.next());
    }

    @Test
    void chineseTextSurvives() throws IOException {
        CsvReader r = csv("name\n王伟\n");
        assertEquals("王伟", r.next().cells().get(0));
    }

    @Test
    void anEmptyFileOrARepeatedColumnIsMalformed() {
        assertThrows(CsvReader.Malformed.class, () -> csv(""));
        assertThrows(CsvReader.Malformed.class, () -> csv("\uFEFF"));
        CsvReader.Malformed twice = assertThrows(CsvReader.Malformed.class, () -> csv("a,b,A\n1,2,3\n"));
        assertTrue(twice.getMessage().contains("twice"));
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereItOpened() throws IOException {
        CsvReader r = csv("a,b\n1,2\n\"open,3\n4,5\n");
        r.next();
        CsvReader.Malformed e = assertThrows(CsvReader.Malformed.class, r::next);
        assertEquals(3, e.line());
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = "name\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(IOException.class, () -> {
            CsvReader r = CsvReader.of(new ByteArrayInputStream(latin1));
            r.next();
        });
    }

    /** A stream of one endless line: it fails the test if the reader asks for more than {@code allowed} bytes. */
    static InputStream endless(char c, long allowed) {
        return new InputStream() {
            long served;

            @Override
            public int read() {
                if (++served > allowed) {
                    throw new AssertionError("read " + served + " bytes of an endless line");
                }
                return c;
            }
        };
    }

    static final CsvReader.Caps SMALL = new CsvReader.Caps(100, 20, 3);

    @Test
    void anEndlessHeaderLineIsRefusedAfterTheLineCap() {
        // no comma: the field cap comes first, at line 1, after little more than the cap is read
        CsvReader.Malformed e = assertThrows(
                CsvReader.Malformed.class,
                () -> CsvReader.of(endless('x', 128 * 1024), new CsvReader.Caps(1000, 1000, 10)));
        assertEquals(1, e.line());
        assertEquals("line 1: the line is longer than 1,000 characters, the longest a line may be", e.getMessage());
    }

    @Test
    void anEndlessLineOfShortFieldsIsRefusedAtTheLineCap() throws IOException {
        String header = "a,b\n1,2\n";
        InputStream in = new SequenceInputStream(
                new ByteArrayInputStream(header.getBytes(StandardCharsets.UTF_8)), endless(',', 128 * 1024));
        CsvReader r = CsvReader.of(in, SMALL);
        assertEquals(List.of("1", "2"), r.next().cells());
        CsvReader.Malformed e = assertThrows(CsvReader.Malformed.class, r::next);
        assertEquals("line 3: the line is longer than 100 characters, the longest a line may be", e.getMessage());
    }

    @Test
    void aFieldOverItsCapNamesTheLineAndTheField() throws IOException {
        CsvReader r = CsvReader.of(
                new ByteArrayInputStream(("a,b\n1,\"" + "y".repeat(21) + "\"\n").getBytes(StandardCharsets.UTF_8)),
                SMALL);
        CsvReader.Malformed e = assertThrows(CsvReader.Malformed.class, r::next);
        assertEquals("line 2: field 2 is longer than 20 characters, the longest a field may be", e.getMessage());
    }

    @Test
    void fieldsAndLinesAtTheirCapsAreRead() throws IOException {
        String field = "z".repeat(20);
        CsvReader r = CsvReader.of(
                new ByteArrayInputStream(("a,b\n" + field + "," + field + "\n").getBytes(StandardCharsets.UTF_8)),
                SMALL);
        assertEquals(List.of(field, field), r.next().cells());
    }

    @Test
    void rowsPastTheRowCapAreRefusedAtTheFirstOneOver() throws IOException {
        CsvReader r =
                CsvReader.of(new ByteArrayInputStream("a\n1\n2\n3\n4\n5\n".getBytes(StandardCharsets.UTF_8)), SMALL);
        assertEquals(List.of("1"), r.next().cells());
        assertEquals(List.of("2"), r.next().cells());
        assertEquals(List.of("3"), r.next().cells());
        CsvReader.Malformed e = assertThrows(CsvReader.Malformed.class, r::next);
        assertEquals("line 5: the file has more than 3 rows, the most one file may hold", e.getMessage());
    }

    @Test
    void theDefaultCapsAreTheDocumentedLimits() throws IOException {
        String line = "q".repeat(InputLimits.CSV_FIELD_CHARS);
        CsvReader r = csv("a\n" + line + "\n" + line + "q\n");
        assertEquals(List.of(line), r.next().cells());
        CsvReader.Malformed e = assertThrows(CsvReader.Malformed.class, r::next);
        assertEquals(3, e.line());
    }

    @Test
    void writerDefusesFormulasAndQuotesWhereNeeded() {
        assertEquals("'=1+2", CsvWriter.cell("=1+2"));
        assertEquals("'+31 20 555", CsvWriter.cell("+31 20 555"));
        assertEquals("'-5", CsvWriter.cell("-5"));
        assertEquals("'@SUM(A1)", CsvWriter.cell("@SUM(A1)"));
        assertEquals("\"a,b\"", CsvWriter.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.cell("say \"hi\""));
        assertEquals("plain", CsvWriter.cell("plain"));
        assertEquals("", CsvWriter.cell(null));
    }
}
