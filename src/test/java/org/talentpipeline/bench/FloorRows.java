package org.talentpipeline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The generator's floor on PostgreSQL ({@code -Dfloor=true}): the result rows it has just written (with
 * their category, team and member rows) are copied out to files, then loaded by plain {@code COPY ...
 * FROM STDIN} through JDBC's CopyManager, one table after the other on one connection as psql's
 * {@code \copy} would, into empty tables like the four (schema {@code generator_floor}, dropped after),
 * and their indexes are built after, one at a time. Printed beside the generator's own figure, measured
 * in the same run on the same machine.
 */
final class FloorRows {

    static final String SCHEMA = "generator_floor";

    private FloorRows() {}

    /** Table, and the condition that picks the rows the generator wrote. */
    private record Part(String table, String where) {}

    static void measure(DataSource ds, long firstResult, long firstTeam, long results, double generatorSeconds)
            throws SQLException, IOException {
        List<Part> parts = List.of(
                new Part("team", "id >= " + firstTeam),
                new Part("team_member", "team_id >= " + firstTeam),
                new Part("result", "id >= " + firstResult),
                new Part("result_category", "result_id >= " + firstResult));
        Path dir = Files.createTempDirectory("generator-floor");
        List<Path> files = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true);
            CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
            long started = System.nanoTime();
            long rows = 0;
            for (Part part : parts) {
                Path file = dir.resolve(part.table() + ".txt");
                try (OutputStream out = Files.newOutputStream(file)) {
                    rows += copy.copyOut(
                            "COPY (select * from " + part.table() + " where " + part.where() + ") TO STDOUT", out);
                }
                files.add(file);
            }
            long bytes = 0;
            for (Path file : files) {
                bytes += Files.size(file);
            }
            System.out.printf(
                    Locale.ROOT,
                    "floor: copied the %,d rows out (%,d MB of COPY text) in %.1f s%n",
                    rows,
                    bytes >> 20,
                    (System.nanoTime() - started) / 1e9);
            List<String> indexes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select indexdef from pg_indexes"
                    + " where schemaname = current_schema() and tablename = any(?::text[]) order by indexname")) {
                s.setArray(
                        1,
                        c.createArrayOf("text", parts.stream().map(Part::table).toArray()));
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        indexes.add(rs.getString(1));
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + SCHEMA + " cascade");
                s.execute("create schema " + SCHEMA);
                for (Part part : parts) {
                    s.execute("create table " + SCHEMA + "." + part.table() + " (like " + part.table() + ")");
                }
                s.execute("set maintenance_work_mem = '256MB'");
                s.execute("set max_parallel_maintenance_workers = 0");
            }
            int backend;
            try (Statement s = c.createStatement();
                    var rs = s.executeQuery("select pg_backend_pid()")) {
                rs.next();
                backend = rs.getInt(1);
            }
            try {
                double cpu0 = BulkRows.cpuSeconds(backend);
                started = System.nanoTime();
                for (int i = 0; i < parts.size(); i++) {
                    try (InputStream in = Files.newInputStream(files.get(i))) {
                        copy.copyIn("COPY " + SCHEMA + "." + parts.get(i).table() + " FROM STDIN", in);
                    }
                }
                double copySeconds = (System.nanoTime() - started) / 1e9;
                double cpu1 = BulkRows.cpuSeconds(backend);
                started = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    for (String index : indexes) {
                        s.execute(index.replace(" ON public.", " ON " + SCHEMA + "."));
                    }
                }
                double indexSeconds = (System.nanoTime() - started) / 1e9;
                double cpu2 = BulkRows.cpuSeconds(backend);
                double floorSeconds = copySeconds + indexSeconds;
                System.out.printf(
                        Locale.ROOT,
                        "floor: the same %,d result rows (%,d rows in the four tables) by plain COPY FROM STDIN into"
                                + " empty tables like them %.1f s (%.1f s of the server's CPU), %,.0f result rows/s;"
                                + " their %d indexes built after, one at a time, %.1f s (%.1f s of CPU); COPY and"
                                + " indexes %.1f s, %,.0f result rows/s%n",
                        results,
                        rows,
                        copySeconds,
                        cpu1 - cpu0,
                        results / copySeconds,
                        indexes.size(),
                        indexSeconds,
                        cpu2 - cpu1,
                        floorSeconds,
                        results / floorSeconds);
                System.out.printf(
                        Locale.ROOT,
                        "generator's results phase %.1f s against the floor's %.1f s (COPY and indexes): %.2f times"
                                + " the floor's time; %.2f times the COPY alone%n",
                        generatorSeconds,
                        floorSeconds,
                        generatorSeconds / floorSeconds,
                        generatorSeconds / copySeconds);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("drop schema " + SCHEMA + " cascade");
                }
            }
        } finally {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        }
    }
}
