package org.talentpipeline.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Rows added to one table in bulk: on PostgreSQL through {@code COPY} in text format, which writes
 * several times as many rows a second as batched inserts; on other databases as one batch of
 * inserts. Values are numbers, booleans, strings, {@code java.time} dates and times, or null.
 * Nothing is sent until {@link #flush()}, which the caller runs before it commits.
 */
final class BulkRows implements AutoCloseable {

    private final Connection connection;
    private final String copy;
    private final PreparedStatement insert;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private int pending;

    BulkRows(Connection connection, String table, String columns) throws SQLException {
        this.connection = connection;
        String list = table + " (" + columns + ")";
        if (connection.isWrapperFor(BaseConnection.class)) {
            this.copy = "COPY " + list + " FROM STDIN";
            this.insert = null;
        } else {
            int count = columns.split(",").length;
            this.copy = null;
            this.insert = connection.prepareStatement(
                    "insert into " + list + " values (" + String.join(", ", Collections.nCopies(count, "?")) + ")");
        }
    }

    void add(Object... values) throws SQLException {
        if (copy != null) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                appendText(values[i]);
            }
            text.append('\n');
        } else {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.addBatch();
        }
        pending++;
    }

    /** Sends the rows added since the last flush. */
    void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        if (copy != null) {
            try {
                new CopyManager(connection.unwrap(BaseConnection.class))
                        .copyIn(copy, new StringReader(text.toString()));
            } catch (IOException e) {
                throw new SQLException(e);
            }
            text.setLength(0);
        } else {
            insert.executeBatch();
        }
        pending = 0;
    }

    private void appendText(Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String s = value.toString();
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

    @Override
    public void close() throws SQLException {
        if (insert != null) {
            insert.close();
        }
    }
}
