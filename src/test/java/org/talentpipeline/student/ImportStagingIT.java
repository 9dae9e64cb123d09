package org.talentpipeline.student;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.platform.Migrations;

/**
 * Inside the running application, on its database: a staging table that a killed import left
 * behind, with a student's personal data in it, is dropped by the start-up and periodic sweeps.
 */
@ExtendWith(ArquillianExtension.class)
class ImportStagingIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withTests(ImportStagingIT.class);
    }

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    ImportStagingStore staging;

    /** Creates and fills a staging table as an import does before it is killed. */
    private void leftBehind(String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table " + table + " (line integer not null, student_number varchar(40) not null,"
                    + " full_name varchar(200) not null, date_of_birth date not null, email varchar(254))");
            s.execute(
                    "insert into " + table + " values (2, 'K1', 'Killed Import', date '2004-03-01', 'k1@example.edu')");
        }
    }

    private boolean exists(String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select count(*) from information_schema.tables where table_schema = current_schema"
                                + " and lower(table_name) = '" + table + "'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    @Test
    void anExpiredImportsTableIsDroppedByThePeriodicSweep() throws SQLException {
        Instant now = Instant.now();
        String table = ImportStagingStore.name(
                        now.minus(ImportStagingStore.LONGEST_IMPORT).minusSeconds(60), "elsewhere", "k1lled01")
                + "_rows";
        leftBehind(table);
        staging.sweep(now, false);
        assertEquals(false, exists(table));
    }

    @Test
    void thisNodesTableIsDroppedWhenItStartsAgain() throws SQLException {
        Instant now = Instant.now();
        String table = ImportStagingStore.name(now.minusSeconds(30), ImportStagingStore.NODE, "k1lled02");
        leftBehind(table);
        staging.sweep(now, true);
        assertEquals(false, exists(table));
    }

    @Test
    void anotherNodesRunningImportKeepsItsTable() throws SQLException {
        Instant now = Instant.now();
        String table = ImportStagingStore.name(now.minusSeconds(30), "elsewhere", "running3");
        leftBehind(table);
        staging.sweep(now, true);
        assertEquals(true, exists(table));
        staging.drop(table);
    }

    @Test
    void aTableNamedAsImportsWereBeforeIsDropped() throws SQLException {
        String table = "student_import_0123456789abcdef";
        leftBehind(table);
        staging.sweep(Instant.now(), false);
        assertEquals(false, exists(table));
    }
}
