package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.it.Deployments;

/** Inside the running application: Flyway brought its own datasource to the latest schema at start-up. */
@ExtendWith(ArquillianExtension.class)
class MigrationsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withTests(MigrationsIT.class);
    }

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void everyMigrationInSqlHasBeenAppliedSuccessfully() throws Exception {
        int packaged = packagedMigrations();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "select count(*), sum(case when \"success\" then 1 else 0 end) from \"flyway_schema_history\" where \"version\" is not null")) {
                rs.next();
                assertEquals(packaged, rs.getInt(1), "every packaged migration is recorded");
                assertEquals(packaged, rs.getInt(2), "and every one succeeded");
            }
            try (ResultSet rs = s.executeQuery("select count(*) from app_user where username = 'admin'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "demo mode seeded the admin once");
            }
        }
        assertTrue(packaged >= 1);
    }

    /** The migrations the deployed war carries (WEB-INF/classes/db/migration, an exploded folder). */
    private static int packagedMigrations() throws Exception {
        URL folder = Migrations.class.getClassLoader().getResource("db/migration");
        try (var files = Files.list(Path.of(folder.toURI()))) {
            return (int) files.filter(p -> p.getFileName().toString().matches("V\\d+__.+\\.sql"))
                    .count();
        }
    }
}
