package org.talentpipeline.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test, dropped when closed. The server is the one at
 * {@code tp.postgres.url} (by default the machine's, trust authentication for {@code postgres}).
 */
public final class PostgresDatabase implements AutoCloseable {

    /** The database the tests connect to first, to create and drop their own. */
    public static final String SERVER_DATABASE =
            System.getProperty("tp.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");

    public static final String USER = "postgres";

    private final String name;
    private final String url;

    private PostgresDatabase(String name) {
        this.name = name;
        this.url = SERVER_DATABASE.substring(0, SERVER_DATABASE.lastIndexOf('/') + 1) + name;
    }

    /** Creates a database named {@code prefix} and a random suffix. */
    public static PostgresDatabase create(String prefix) throws SQLException {
        PostgresDatabase database = new PostgresDatabase(
                prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        database.onServer("create database " + database.name);
        return database;
    }

    public String url() {
        return url;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, USER, "");
    }

    /** The application's settings for this database (see the README's Configuration). */
    public Map<String, String> environment() {
        return Map.of("TP_DB_URL", url, "TP_DB_USER", USER, "TP_DB_PASSWORD", "");
    }

    @Override
    public void close() throws SQLException {
        onServer("drop database if exists " + name + " with (force)");
    }

    private static void onServer(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER_DATABASE, USER, "");
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
