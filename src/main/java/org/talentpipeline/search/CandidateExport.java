package org.talentpipeline.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.CsvWriter;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;

/**
 * A search's whole result (up to {@link #MAX_ROWS} candidates, in the search's order) as CSV or
 * XLSX, written to the response as it is read, page by page ({@link PageRequest#MAX_SIZE} rows at
 * a time): neither the rows nor the file are held whole in memory (XLSX through POI's streaming
 * workbook, which keeps a window of rows). Text that a spreadsheet would run as a formula is
 * defused in both. Each page written is one audit entry listing its students, so that every row
 * exported is audited and each school finds its own.
 */
@ApplicationScoped
@Transactional
public class CandidateExport {

    /** The most candidates one export holds: a search finding more is cut there (the file says so in its name). */
    public static final int MAX_ROWS = 10_000;

    private static final List<String> HEADER = List.of(
            "ref",
            "full_name",
            "school",
            "school_certified",
            "region",
            "expected_graduation_year",
            "talent_score",
            "category_score",
            "email");

    public enum Format {
        CSV("text/csv; charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String fileName() {
            return "candidates." + extension;
        }

        public static Format of(String name) {
            try {
                return name == null || name.isBlank()
                        ? CSV
                        : valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadInput("format", "must be csv or xlsx");
            }
        }
    }

    @Inject
    CandidateSearch search;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    /** Checks the caller may export and the query is sound, before a response is begun. */
    public void check(CandidateQuery query) {
        access.require(Operation.CANDIDATE_EXPORT);
        query.checked();
    }

    /** Writes the export; returns the number of candidates written. */
    public int write(CandidateQuery query, Format format, OutputStream out) throws IOException {
        Grant grant = access.require(Operation.CANDIDATE_EXPORT);
        query.checked();
        Sink sink = format == Format.CSV ? new CsvSink(out) : new XlsxSink(out);
        sink.row(HEADER);
        int written = 0;
        for (int page = 0; written < MAX_ROWS; page++) {
            Page<CandidateRow> rows = search.find(grant, query, new PageRequest(page, PageRequest.MAX_SIZE));
            List<CandidateRow> items =
                    rows.items().subList(0, Math.min(rows.items().size(), MAX_ROWS - written));
            for (CandidateRow r : items) {
                sink.row(Arrays.asList(
                        r.ref(),
                        r.fullName(),
                        r.school(),
                        r.schoolCertified(),
                        r.region(),
                        r.expectedGraduationYear(),
                        r.talentScore(),
                        r.categoryScore() == null ? "" : r.categoryScore(),
                        r.email() == null ? "" : r.email()));
            }
            if (!items.isEmpty()) {
                audit.recordRead(
                        AuditAction.EXPORT,
                        "candidates:" + query.summary() + " as " + format + " rows " + (written + 1) + "-"
                                + (written + items.size()),
                        CandidateSearch.subjects(items));
            }
            written += items.size();
            if (rows.items().size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        sink.finish();
        return written;
    }

    private interface Sink {
        void row(List<?> cells) throws IOException;

        void finish() throws IOException;
    }

    private static final class CsvSink implements Sink {
        private final Writer writer;
        private final CsvWriter csv;

        CsvSink(OutputStream out) {
            writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv = new CsvWriter(writer);
        }

        @Override
        public void row(List<?> cells) throws IOException {
            csv.row(cells);
        }

        @Override
        public void finish() throws IOException {
            writer.flush();
        }
    }

    private static final class XlsxSink implements Sink {
        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        private final Sheet sheet = workbook.createSheet("candidates");
        private int next;

        XlsxSink(OutputStream out) {
            this.out = out;
        }

        @Override
        public void row(List<?> cells) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < cells.size(); i++) {
                Object value = cells.get(i);
                Cell cell = row.createCell(i);
                if (value instanceof Number n && next > 1) {
                    cell.setCellValue(n.doubleValue());
                } else if (value instanceof Boolean b) {
                    cell.setCellValue(b);
                } else {
                    cell.setCellValue(CsvWriter.defuse(value == null ? "" : value.toString()));
                }
            }
        }

        @Override
        public void finish() throws IOException {
            try {
                workbook.write(out);
                out.flush();
            } finally {
                workbook.close();
            }
        }
    }

    /** For callers that want the CSV as text (tests, small exports). */
    public String csv(CandidateQuery query) {
        var bytes = new ByteArrayOutputStream();
        try {
            write(query, Format.CSV, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
