package org.talentpipeline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Rows added to one table in bulk. On PostgreSQL through one {@code COPY ... FROM STDIN} in binary
 * format (numbers as their bytes, not decimal text the server parses again) that lasts as long as this
 * object, on a connection of its own, written by a thread of its own: the caller goes on making rows
 * while the server stores the ones before, and several tables load side by side. The rows are committed
 * by {@link #commitAll} (all the tables of a load, or none); foreign keys are not checked row by row (see {@link #skipForeignKeyChecks}). On
 * other databases one batch of inserts on the caller's connection, sent by {@link #flush()}, which the
 * caller runs before it commits. Values are {@code Long} (a {@code bigint} column), {@code Integer}
 * ({@code integer}), {@code Double} ({@code double precision}), {@code Boolean}, {@code String}
 * ({@code varchar}), {@code LocalDate} ({@code date}), {@code LocalDateTime} ({@code timestamp}), or
 * null: the binary format takes each column's own type, and the server refuses a row whose value is
 * of another size.
 */
final class BulkRows implements AutoCloseable {

    /** Bytes gathered before a chunk goes to the writer thread. */
    private static final int CHUNK = 1 << 18;

    /** The binary COPY's signature, flags and header extension length. */
    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    /** 2000-01-01, PostgreSQL's epoch, in days since 1970-01-01. */
    private static final long PG_EPOCH_DAY = 10_957;

    private static final Chunk END = new Chunk(new byte[0], 0);

    private record Chunk(byte[] bytes, int length) {}

    private final PreparedStatement insert;
    private final Connection own;
    private final CopyIn copyIn;
    private final BlockingQueue<Chunk> chunks;
    private final Thread writer;
    private final int backend;
    private boolean finished;
    private boolean committed;
    private boolean closed;
    private double serverCpuSeconds = Double.NaN;
    private volatile Throwable failure;
    private byte[] buffer = new byte[CHUNK + 4096];
    private int length;
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
                try (Statement s = own.createStatement();
                        var rs = s.executeQuery("select pg_backend_pid()")) {
                    rs.next();
                    this.backend = rs.getInt(1);
                }
                this.copyIn = new CopyManager(own.unwrap(BaseConnection.class))
                        .copyIn("COPY " + list + " FROM STDIN (FORMAT binary)");
            } catch (SQLException | RuntimeException e) {
                own.close();
                throw e;
            }
            this.chunks = new ArrayBlockingQueue<>(8);
            System.arraycopy(HEADER, 0, buffer, 0, HEADER.length);
            length = HEADER.length;
            this.writer = new Thread(this::write, "copy " + table);
            writer.setDaemon(true);
            writer.start();
        } else {
            int count = columns.split(",").length;
            this.own = null;
            this.backend = 0;
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
            room(2);
            putShort(values.length);
            for (Object value : values) {
                put(value);
            }
            if (length >= CHUNK) {
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

    /** One field: its length (-1 for null), then its value in the column type's binary form. */
    private void put(Object value) {
        room(12);
        if (value == null) {
            putInt(-1);
        } else if (value instanceof Long l) {
            putInt(8);
            putLong(l);
        } else if (value instanceof Integer i) {
            putInt(4);
            putInt(i);
        } else if (value instanceof Double d) {
            putInt(8);
            putLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof Boolean b) {
            putInt(1);
            buffer[length++] = (byte) (b ? 1 : 0);
        } else if (value instanceof String s) {
            putString(s);
        } else if (value instanceof LocalDate d) {
            putInt(4);
            putInt((int) (d.toEpochDay() - PG_EPOCH_DAY));
        } else if (value instanceof LocalDateTime t) {
            putInt(8);
            putLong((t.toLocalDate().toEpochDay() - PG_EPOCH_DAY) * 86_400_000_000L
                    + t.toLocalTime().toNanoOfDay() / 1_000);
        } else {
            throw new IllegalArgumentException("no binary COPY form for " + value.getClass());
        }
    }

    private void putString(String s) {
        int n = s.length();
        room(4 + n);
        int at = length;
        length += 4;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80) {
                length = at;
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                room(4 + bytes.length);
                putInt(bytes.length);
                System.arraycopy(bytes, 0, buffer, length, bytes.length);
                length += bytes.length;
                return;
            }
            buffer[length++] = (byte) ch;
        }
        int end = length;
        length = at;
        putInt(n);
        length = end;
    }

    private void room(int bytes) {
        if (length + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
        }
    }

    private void putShort(int v) {
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void putInt(int v) {
        buffer[length++] = (byte) (v >>> 24);
        buffer[length++] = (byte) (v >>> 16);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    /**
     * Sends the batch of inserts added since the last flush; on PostgreSQL nothing (the rows stream
     * on, and {@link #commitAll} commits them).
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

    /**
     * CPU seconds the server process spent on this COPY, when the server runs on this machine (its
     * {@code /proc} readable), else NaN: a figure that other work on a shared machine does not stretch.
     */
    double serverCpuSeconds() {
        return serverCpuSeconds;
    }

    /** CPU seconds (user and system) of a process on this machine, from /proc; NaN when not readable. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime: the 14th and 15th fields of the line, counted in clock ticks of 1/100 s
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Time the caller spent waiting for the writer to take a chunk (the server being slower). */
    long waitedNanos() {
        return waitedNanos;
    }

    private void hand() throws SQLException {
        check();
        if (length == 0) {
            return;
        }
        Chunk chunk = new Chunk(buffer, length);
        buffer = new byte[CHUNK + 4096];
        length = 0;
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
            for (Chunk chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
                copyIn.writeToCopy(chunk.bytes(), 0, chunk.length());
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    /**
     * Sends the last rows and ends the COPY, where the server reports any row it refused (on other
     * databases sends the batch). Nothing is committed yet: see {@link #commitAll}.
     */
    void finish() throws SQLException {
        if (insert != null) {
            insert.executeBatch();
            return;
        }
        if (finished) {
            return;
        }
        room(2);
        putShort(-1);
        hand();
        try {
            chunks.put(END);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
        check();
        copyIn.endCopy();
        finished = true;
    }

    /**
     * Finishes every table's rows, then (when all were stored) commits them, so that a refused row
     * leaves none of the tables' rows behind; on other databases sends the batches, and the caller
     * commits its connection.
     */
    static void commitAll(BulkRows... tables) throws SQLException {
        for (BulkRows table : tables) {
            table.finish();
        }
        for (BulkRows table : tables) {
            if (table.own != null) {
                table.own.commit();
                table.committed = true;
                table.serverCpuSeconds = cpuSeconds(table.backend);
            }
        }
    }

    /** On PostgreSQL: rolls back what {@link #commitAll} did not commit, and closes the connection. */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        if (insert != null) {
            insert.close();
            return;
        }
        try {
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
                    // rolled back next
                }
            }
            if (!committed) {
                own.rollback();
            }
        } finally {
            own.close();
        }
    }
}
