package org.talentpipeline.platform;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * What the areas' statements bind and read the same way on H2 2.2 and PostgreSQL. A group of
 * students (or of names) that another area defines travels as its ids, bound as one array and
 * matched by {@code column = any(?)}: on H2 {@code in (select * from unnest(?))} silently matches
 * nothing. Meant for groups of a few thousand (a school's students), not for a region's.
 */
public final class Jdbc {

    private Jdbc() {}

    /** These ids as one {@code bigint} array parameter. */
    public static Array ids(Connection c, Collection<Long> ids) throws SQLException {
        return c.createArrayOf("bigint", ids.toArray(Long[]::new));
    }

    /** These names as one {@code varchar} array parameter. */
    public static Array names(Connection c, Collection<String> names) throws SQLException {
        return c.createArrayOf("varchar", names.toArray(String[]::new));
    }

    /** Runs a statement whose one row holds one number (a count) and returns that number. */
    public static long count(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
