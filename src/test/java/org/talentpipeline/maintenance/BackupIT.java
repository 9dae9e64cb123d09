package org.talentpipeline.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.PostgresDatabase;
import org.talentpipeline.platform.Migrations;

/**
 * The backup scripts of the README, run as an operator would: a backup is made, restored into
 * another database, and the data written before it is found there. H2 online (the running test
 * server's BACKUP TO, then docker/restore-h2.sh), PostgreSQL with docker/backup-postgres.sh and
 * docker/restore-postgres.sh.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void anH2BackupRestoresTheUsersMadeBeforeIt() throws Exception {
        ApiClient api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        String kept = fixtures.person("EVALUATOR", null, null).username();
        ApiClient.Reply backup = api.post("/backups", fixtures.adminToken(), "");
        assertEquals(201, backup.status(), backup.toString());
        Path restored = Files.createTempDirectory(Path.of("target"), "h2-restore-");
        run("docker/restore-h2.sh", backup.json().getString("file"), restored.toString());
        Path database;
        try (Stream<Path> files = Files.list(restored)) {
            database = files.filter(f -> f.toString().endsWith(".mv.db"))
                    .findFirst()
                    .orElseThrow();
        }
        String url = "jdbc:h2:file:" + database.toAbsolutePath().toString().replaceFirst("\\.mv\\.db$", "")
                + ";ACCESS_MODE_DATA=r";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertEquals(1, count(c, "select count(*) from app_user where username = ?", kept));
        }
    }

    @Test
    void aPostgresBackupRestoresIntoAnotherDatabase() throws Exception {
        try (PostgresDatabase source = PostgresDatabase.create("tp_backup_src_");
                PostgresDatabase target = PostgresDatabase.create("tp_backup_dst_")) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(source.url());
            ds.setUser(PostgresDatabase.USER);
            Migrations.migrate(ds);
            try (Connection c = source.connect();
                    Statement s = c.createStatement()) {
                s.executeUpdate("insert into app_user (id, username, password_hash, enabled, created_at, version)"
                        + " values (1, 'kept-by-backup', 'x', true, current_timestamp, 0)");
            }
            Path dump =
                    Files.createTempDirectory(Path.of("target"), "pg-backup-").resolve("talent.dump");
            run("docker/backup-postgres.sh", libpq(source.url()), dump.toString());
            run("docker/restore-postgres.sh", dump.toString(), libpq(target.url()));
            try (Connection c = target.connect()) {
                assertEquals(1, count(c, "select count(*) from app_user where username = ?", "kept-by-backup"));
            }
        }
    }

    /** jdbc:postgresql://host:port/name as libpq takes it. */
    private static String libpq(String jdbcUrl) {
        return "postgresql://" + PostgresDatabase.USER + "@" + jdbcUrl.substring("jdbc:postgresql://".length());
    }

    private static int count(Connection c, String sql, String value) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + output);
    }
}
