package org.talentpipeline.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Rows added to one table in bulk. On PostgreSQL through one {@code COPY ... FROM STDIN} (text format)
 * that lasts as long as this object, on a connection of its own, written by a thread of its own: the
 * caller goes on making rows while the server stores the ones before, and several tables load side by
 * side. The rows are committed by {@link #close()}; foreign keys are not checked row by row (see
 * {@link #skipForeignKeyChecks}). On other databases one batch of inserts on the caller's connection,
 * sent by {@link #flush()}, which the caller runs before it commits. Values are numbers, booleans,
 * strings, {@code java.time} dates and times, or null.
 */
final class BulkRows implements AutoCloseable {

    /** Characters gathered before a chunk goes to the writer thread. */
    private static final int CHUNK = 1 << 18;

    private static final StringBuilder END = new StringBuilder();

    private final PreparedStatement insert;
    private final Connection own;
    private final CopyIn copyIn;
    private final BlockingQueue<StringBuilder> chunks;
    private final Thread writer;
    private volatile Throwable failure;
    private StringBuilder text = new StringBuilder(CHUNK + 4096);
    private long waitedNanos;
    private long rows;

    /**
     * Bulk rows into {@code table}: on PostgreSQL (when {@code connection} is one) through a COPY on a
     * new connection from {@code dataSource}, otherwise batched inserts on {@code connection}.
     */
    BulkRows(DataSource dataSource, Connection connection, String table, String columns) throws SQLException {
        String list = table + " (" + columns + ")";
        if (connection.isWrapperFor(BaseConnection.class)) {
            this.insert = null;
            this.own = dataSource.getConnection();
            try {
                own.setAutoCommit(false);
                skipForeignKeyChecks(own);
                this.copyIn = new CopyManager(own.unwrap(BaseConnection.class)).copyIn("COPY " + list + " FROM STDIN");
            } catch (SQLException | RuntimeException e) {
                own.close();
                throw e;
            }
            this.chunks = new ArrayBlockingQueue<>(8);
            this.writer = new Thread(this::write, "copy " + table);
            writer.setDaemon(true);
            writer.start();
        } else {
            int count = columns.split(",").length;
            this.own = null;
            this.copyIn = null;
            this.chunks = null;
            this.writer = null;
            this.insert = connection.prepareStatement(
                    "insert into " + list + " values (" + String.join(", ", Collections.nCopies(count, "?")) + ")");
        }
    }

    /**
     * Foreign keys are not checked row by row while the generator writes (it writes only ids it has
     * just read or made): the checks cost PostgreSQL more than the rows themselves. The session's own
     * setting; it ends with the connection. Needs a superuser, as a bulk load does.
     */
    static void skipForeignKeyChecks(Connection c) throws SQLException {
        if (c.isWrapperFor(BaseConnection.class)) {
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = replica");
            }
        }
    }

    void add(Object... values) throws SQLException {
        if (copyIn != null) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                appendText(values[i]);
            }
            text.append('\n');
            if (text.length() >= CHUNK) {
                hand();
            }
        } else {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.addBatch();
        }
        rows++;
    }

    /**
     * Sends the batch of inserts added since the last flush; on PostgreSQL nothing (the rows stream
     * on, and {@link #close()} commits them).
     */
    void flush() throws SQLException {
        if (insert != null) {
            insert.executeBatch();
        }
    }

    /** Rows added so far. */
    long rows() {
        return rows;
    }

    /** Time the caller spent waiting for the writer to take a chunk (the server being slower). */
    long waitedNanos() {
        return waitedNanos;
    }

    private void hand() throws SQLException {
        check();
        if (text.length() == 0) {
            return;
        }
        StringBuilder chunk = text;
        text = new StringBuilder(CHUNK + 4096);
        long started = System.nanoTime();
        try {
            while (!chunks.offer(chunk, 1, TimeUnit.SECONDS)) {
                check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
        waitedNanos += System.nanoTime() - started;
    }

    private void check() throws SQLException {
        Throwable f = failure;
        if (f != null) {
            throw f instanceof SQLException s ? s : new SQLException(f);
        }
    }

    private void write() {
        try {
            for (StringBuilder chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
                byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                copyIn.writeToCopy(bytes, 0, bytes.length);
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    private void appendText(Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        if (value instanceof Long || value instanceof Integer) {
            text.append(((Number) value).longValue());
            return;
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e7 && Double.doubleToRawLongBits(d) >= 0) {
            // as Double.toString writes a whole number below 10^7 ("1234.0"), without its general path
            text.append((long) d.doubleValue()).append(".0");
            return;
        }
        String s = value.toString();
        if (plain(s)) {
            text.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                return false;
            }
        }
        return true;
    }

    /** On PostgreSQL: sends the last rows, ends the COPY and commits it (or rolls it back after a failure). */
    @Override
    public void close() throws SQLException {
        if (insert != null) {
            insert.close();
            return;
        }
        try {
            if (failure == null) {
                hand();
                chunks.put(END);
                writer.join();
                check();
                copyIn.endCopy();
                own.commit();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        } finally {
            if (writer.isAlive()) {
                writer.interrupt();
                try {
                    writer.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (copyIn.isActive()) {
                try {
                    copyIn.cancelCopy();
                } catch (SQLException ignored) {
                    // the connection closes next
                }
            }
            own.close();
        }
        check();
    }
}
