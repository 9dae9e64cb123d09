package org.talentpipeline.scoring;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.talentpipeline.scoring.engine.RatingReplay;

/**
 * Rating rows for COPY in PostgreSQL's binary format: numbers go as their bytes, neither formatted
 * by Java nor parsed by PostgreSQL, and a double arrives as the very double. A full recompute's
 * rows go into {@code rating_next}, one chunk copied on another thread while the next is written;
 * an incremental update's into its scratch table ({@link UpdatedRatingRows}), in one chunk.
 */
final class RatingCopyRows extends NextRatingRows {
    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };
    /** PostgreSQL counts dates from 2000-01-01. */
    private static final int EPOCH_2000 = (int) LocalDate.of(2000, 1, 1).toEpochDay();

    private static final byte[] VERSION = RatingRows.SETTINGS.version().getBytes(StandardCharsets.UTF_8);
    /** A recompute's chunks are sent at this size; with a row's worth of room to spare, they never grow. */
    private static final int CHUNK = 1 << 24;

    private final Connection connection;
    private final CopyManager copy;
    private final Executor executor;
    private final Map<String, byte[]> categories = new HashMap<>();
    private final String statement;
    private final int chunkSize;
    /** What a failure says: the recompute's or the update's. */
    private final String failure;

    private Chunk bytes;
    private DataOutputStream rows;
    private CompletableFuture<Void> sending = CompletableFuture.completedFuture(null);

    /** A full recompute's rows, into {@code rating_next}. */
    RatingCopyRows(Connection c, Executor executor) throws SQLException {
        // frozen: the table was created in this transaction, so its rows may be written as visible to all, with the
        // visibility map set. The search's index-only walk of the score index then reads no table pages, and the
        // first reads do not set hint bits on a million pages.
        this(c, executor, "rating_next", ", freeze", CHUNK, FAILED);
    }

    /**
     * Rows into {@code table} (with {@link RatingRows#COLUMNS}), sent in chunks of about {@code chunkSize} bytes,
     * by {@code executor}; {@code options} are COPY's after the format's ("" for none). A failure is an
     * {@link IllegalStateException} saying {@code failure}.
     */
    RatingCopyRows(Connection c, Executor executor, String table, String options, int chunkSize, String failure)
            throws SQLException {
        connection = c;
        copy = c.unwrap(PGConnection.class).getCopyAPI();
        this.executor = executor;
        this.statement =
                "copy " + table + " (" + RatingRows.COLUMNS + ") from stdin with (format binary" + options + ")";
        this.chunkSize = chunkSize;
        this.failure = failure;
        startChunk();
    }

    /** A chunk's bytes, read back without a copy. */
    private static final class Chunk extends ByteArrayOutputStream {
        Chunk(int size) {
            super(size);
        }

        InputStream input() {
            return new ByteArrayInputStream(buf, 0, count);
        }
    }

    private void startChunk() {
        bytes = new Chunk(chunkSize + (1 << 20));
        rows = new DataOutputStream(bytes);
        bytes.writeBytes(HEADER);
    }

    @Override
    void add(long student, String category, RatingReplay.State state, String history) {
        try {
            rows.writeShort(RatingRows.PARAMETERS);
            rows.writeInt(8);
            rows.writeLong(student);
            text(categories.computeIfAbsent(category, k -> k.getBytes(StandardCharsets.UTF_8)));
            rows.writeInt(8);
            rows.writeDouble(state.rating().mu());
            rows.writeInt(8);
            rows.writeDouble(state.rating().sigma());
            rows.writeInt(8);
            rows.writeDouble(RatingRows.talentScore(state.rating()));
            rows.writeInt(4);
            rows.writeInt(state.events());
            rows.writeInt(8);
            rows.writeLong(state.lastEvent());
            rows.writeInt(4);
            rows.writeInt(state.lastDay() - EPOCH_2000);
            rows.writeInt(8);
            rows.writeDouble(state.growth());
            rows.writeInt(4);
            rows.writeInt(state.recentEvents());
            if (history == null) {
                rows.writeInt(-1);
            } else {
                text(history.getBytes(StandardCharsets.UTF_8));
            }
            text(VERSION);
        } catch (IOException e) {
            throw new IllegalStateException("a byte array stream does not fail", e);
        }
        if (bytes.size() > chunkSize) {
            try {
                send();
            } catch (SQLException e) {
                throw new IllegalStateException(failure, e);
            }
        }
    }

    private void text(byte[] value) throws IOException {
        rows.writeInt(value.length);
        rows.write(value);
    }

    /** Waits for the chunk being copied, then copies this one in the background. */
    private void send() throws SQLException {
        awaitSent();
        // the end of the chunk's rows: a field count of -1
        bytes.write(0xFF);
        bytes.write(0xFF);
        Chunk chunk = bytes;
        startChunk();
        sending = CompletableFuture.runAsync(
                () -> {
                    try {
                        copy.copyIn(statement, chunk.input());
                    } catch (SQLException | IOException e) {
                        throw new CompletionException(e);
                    }
                },
                executor);
    }

    private void awaitSent() throws SQLException {
        try {
            sending.join();
        } catch (CompletionException e) {
            throw new SQLException("the rows could not be copied", e.getCause());
        }
    }

    /** PostgreSQL keeps the copied rows on disk: one transaction for all of them. */
    @Override
    void checkpoint() {}

    @Override
    void finish() {
        try {
            flush();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        }
    }

    /** Sends the last rows and waits until they are copied; the transaction goes on. */
    void flush() throws SQLException {
        send();
        awaitSent();
    }

    @Override
    public void close() {
        try {
            awaitSent();
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        }
    }
}
