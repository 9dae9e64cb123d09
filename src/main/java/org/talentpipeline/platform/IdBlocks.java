package org.talentpipeline.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Ids for bulk inserts over plain JDBC, taken from a sequence the way EclipseLink takes them: each
 * {@code nextval} (the sequences step by 50) reserves the 50 ids ending at the value returned.
 */
public final class IdBlocks {

    private static final int BLOCK = 50;

    private final Connection connection;
    private final String sequence;
    private long next;
    private long last = -1;

    public IdBlocks(Connection connection, String sequence) {
        this.connection = connection;
        this.sequence = sequence;
    }

    public long next() throws SQLException {
        if (next > last) {
            try (PreparedStatement s = connection.prepareStatement("select nextval('" + sequence + "')");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
                next = last - BLOCK + 1;
            }
        }
        return next++;
    }
}
