package org.talentpipeline.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV for spreadsheets. A cell that starts with {@code = + - @} (or a tab or carriage
 * return) would be run as a formula by Excel or LibreOffice, so it is written with a leading
 * apostrophe: the text shows, nothing is evaluated (OWASP, "CSV injection").
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = defuse(value.toString());
        boolean quote =
                text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** The text with a leading apostrophe when a spreadsheet would take it for a formula. */
    public static String defuse(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
