package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class ConfiguredDataSourceTest {

    @Test
    void picksTheDriverFromTheUrl() {
        assertInstanceOf(
                JdbcDataSource.class, ConfiguredDataSource.create(new DatabaseSettings("jdbc:h2:mem:x", null, null)));
        PGSimpleDataSource pg = assertInstanceOf(
                PGSimpleDataSource.class,
                ConfiguredDataSource.create(
                        new DatabaseSettings("jdbc:postgresql://db.example:5433/talent", "tp", "secret")));
        assertEquals("db.example", pg.getServerNames()[0]);
        assertEquals(5433, pg.getPortNumbers()[0]);
        assertEquals("talent", pg.getDatabaseName());
        assertEquals("tp", pg.getUser());
    }

    @Test
    void refusesAnyOtherDatabase() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> ConfiguredDataSource.create(new DatabaseSettings("jdbc:mysql://x/y", null, null)));
        assertTrue(e.getMessage().contains("TP_DB_URL"));
    }

    @Test
    void anH2UrlGivesWorkingConnections() throws Exception {
        try (Connection c = ConfiguredDataSource.create(new DatabaseSettings("jdbc:h2:mem:cds", null, null))
                        .getConnection();
                ResultSet rs = c.createStatement().executeQuery("select 41 + 1")) {
            rs.next();
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void theDefaultIsAFileUnderData() {
        assertTrue(ConfiguredDataSource.DEFAULT_URL.startsWith("jdbc:h2:file:./data/"));
    }
}
