package org.talentpipeline.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads CSV one record at a time, so a file of any size takes constant memory: UTF-8 with or
 * without a byte-order mark, comma-separated, CRLF or LF line ends, fields quoted with {@code "}
 * that may hold commas, doubled quotes and line breaks. The first record is the header; columns
 * are found by name, never by position. Each record knows the line it starts on, for error reports.
 * A record, a field and the number of records have limits ({@link Caps}): a file past one of them is
 * {@link Malformed} at the line where it went over, after reading at most one record's worth.
 */
public final class CsvReader implements Closeable {

    /** One record: the line it starts on (the header is line 1) and its cells. */
    public record Row(int line, List<String> cells) {

        public boolean isBlank() {
            return cells.size() == 1 && cells.get(0).isEmpty();
        }
    }

    /** A file that is not CSV at all (an unclosed quote): the line where it went wrong. */
    public static class Malformed extends IOException {

        private static final long serialVersionUID = 1L;
        private final int line;

        public Malformed(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** The longest record and field, in characters, and the most records after the header. */
    public record Caps(int lineChars, int fieldChars, int rows) {

        /** The limits of {@link InputLimits}, with a number of rows. */
        public static Caps rows(int rows) {
            return new Caps(InputLimits.CSV_LINE_CHARS, InputLimits.CSV_FIELD_CHARS, rows);
        }
    }

    private final Reader in;
    private final Caps caps;
    private long consumed;
    private int records;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private int line = 1;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();

    private CsvReader(Reader in, Caps caps) throws IOException {
        this.in = in;
        this.caps = caps;
        skipByteOrderMark();
        Row first = next();
        if (first == null || first.isBlank()) {
            throw new Malformed(1, "the file is empty: a header row is required");
        }
        header = first.cells().stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .toList();
        for (int i = 0; i < header.size(); i++) {
            if (columns.putIfAbsent(header.get(i), i) != null) {
                throw new Malformed(1, "the column " + header.get(i) + " appears twice");
            }
        }
    }

    /** Reads UTF-8 with the default limits (a students CSV's). */
    public static CsvReader of(InputStream in) throws IOException {
        return of(in, Caps.rows(InputLimits.IMPORT_ROWS));
    }

    public static CsvReader of(Reader in) throws IOException {
        return of(in, Caps.rows(InputLimits.IMPORT_ROWS));
    }

    /** Reads UTF-8; bytes that are not UTF-8 are an error, not silently replaced. */
    public static CsvReader of(InputStream in, Caps caps) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new CsvReader(new InputStreamReader(in, utf8), caps);
    }

    public static CsvReader of(Reader in, Caps caps) throws IOException {
        return new CsvReader(in, caps);
    }

    /** The header's column names, trimmed and in lower case. */
    public List<String> header() {
        return header;
    }

    /** The index of a named column (case-insensitive), if the file has it. */
    public Optional<Integer> column(String name) {
        return Optional.ofNullable(columns.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The next record, or null at the end of the file. Blank lines come back as blank rows. */
    public Row next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        int start = line;
        if (header != null && ++records > caps.rows()) {
            throw new Malformed(
                    start,
                    "the file has more than " + InputLimits.count(caps.rows()) + " rows, the most one file may hold");
        }
        long begin = consumed - 1;
        List<String> cells = new ArrayList<>(header == null ? 8 : header.size());
        StringBuilder cell = new StringBuilder(32);
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (consumed - begin > caps.lineChars()) {
                throw new Malformed(
                        start,
                        "the line is longer than " + InputLimits.count(caps.lineChars())
                                + " characters, the longest a line may be");
            }
            if (cell.length() > caps.fieldChars()) {
                throw new Malformed(
                        start,
                        "field " + (cells.size() + 1) + " is longer than " + InputLimits.count(caps.fieldChars())
                                + " characters, the longest a field may be");
            }
            if (quoted) {
                if (c < 0) {
                    throw new Malformed(start, "a quoted field is not closed before the end of the file");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                }
                c = read();
                continue;
            }
            if (c < 0 || c == '\n' || c == '\r') {
                cells.add(cell.toString());
                if (c == '\r') {
                    int d = read();
                    if (d != '\n' && d >= 0) {
                        unread();
                    }
                }
                if (c >= 0) {
                    line++;
                }
                return new Row(start, cells);
            }
            if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                cell.append((char) c);
            }
            c = read();
        }
    }

    private void skipByteOrderMark() throws IOException {
        int c = read();
        if (c != '\uFEFF' && c >= 0) {
            unread();
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        consumed++;
        return buffer[position++];
    }

    /** Steps back over the character just read; only ever called right after a successful read. */
    private void unread() {
        consumed--;
        position--;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
