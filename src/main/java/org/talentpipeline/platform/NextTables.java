package org.talentpipeline.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A table rebuilt whole beside the one it replaces: {@code <table>_next} is created empty, filled,
 * indexed, then takes the old table's place. On H2 inserting a million rows into an indexed table
 * costs minutes, into a bare one seconds.
 */
public final class NextTables {

    private NextTables() {}

    public static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
    }

    /**
     * An empty table {@code <table>_next} with {@code table}'s columns, to be filled, then indexed.
     * PostgreSQL copies the NOT NULL constraints with LIKE, so they are checked as rows arrive
     * instead of by a scan of the full table per column afterwards; H2 knows no LIKE here.
     */
    public static void create(Statement s, String table, boolean postgres) throws SQLException {
        s.execute("drop table if exists " + table + "_next");
        s.execute(
                postgres
                        ? "create table " + table + "_next (like " + table + " including defaults)"
                        : "create table " + table + "_next as select * from " + table + " where 1 = 0");
    }

    /** On H2, the NOT NULL constraints {@link #create} left out, once the table is filled. */
    public static void notNull(Statement s, boolean postgres, String table, String... columns) throws SQLException {
        if (!postgres) {
            for (String column : columns) {
                s.execute("alter table " + table + " alter column " + column + " set not null");
            }
        }
    }
}
