package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.talentpipeline.it.PostgresDatabase;

/**
 * The migrations in {@code sql/} run unchanged on both databases: an in-memory H2 and a PostgreSQL
 * database that this test creates on 127.0.0.1:5432 and drops afterwards.
 */
class SchemaMigrationsIT {

    static final List<String> TABLES = List.of(
            "school",
            "program",
            "agency",
            "app_user",
            "user_role",
            "api_token",
            "student",
            "audit_event",
            "student_consent",
            "student_certification",
            "student_skill",
            "competition",
            "competition_event",
            "event_category",
            "team",
            "team_member",
            "result",
            "result_category",
            "rubric_criterion",
            "judge_assignment",
            "judge_score",
            "rating",
            "rated_event",
            "scoring_job",
            "scoring_lease",
            "job_position",
            "placement",
            "stage_change",
            "saved_search",
            "certification_criterion",
            "certification_cycle",
            "certification_application",
            "certification_evidence",
            "certification_document",
            "certification_review",
            "certification_score",
            "certification_finding",
            "certification_transition");

    static List<Path> packagedMigrations() throws IOException {
        Path dir = Path.of("sql");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("V\\d+__.+\\.sql"))
                    .toList();
        }
    }

    @Test
    void migratesAnEmptyH2DatabaseAndIsIdempotent() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        MigrateResult first = Migrations.migrate(h2);
        assertEquals(packagedMigrations().size(), first.migrationsExecuted);
        assertEquals(0, Migrations.migrate(h2).migrationsExecuted);
        try (Connection c = h2.getConnection()) {
            assertTablesExist(c);
        }
    }

    @Test
    void migratesAFreshPostgresDatabase() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create("tp_migrations_")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(database.url());
            pg.setUser(PostgresDatabase.USER);
            MigrateResult first = Migrations.migrate(pg);
            assertEquals(packagedMigrations().size(), first.migrationsExecuted);
            assertEquals(0, Migrations.migrate(pg).migrationsExecuted);
            try (Connection c = pg.getConnection()) {
                assertTablesExist(c);
            }
        }
    }

    private static void assertTablesExist(Connection c) throws SQLException {
        for (String table : TABLES) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                assertTrue(rs.next(), table);
            }
        }
    }
}
