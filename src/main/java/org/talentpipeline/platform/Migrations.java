package org.talentpipeline.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Defines the application's own connection pool and brings its schema up to date with the
 * migrations in {@code sql/} (packaged as {@code db/migration}) before anything else runs.
 */
@DataSourceDefinitions({
    @DataSourceDefinition(
            name = Migrations.DATA_SOURCE,
            className = "org.talentpipeline.platform.ConfiguredDataSource",
            minPoolSize = 2,
            maxPoolSize = 40,
            properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.fail-all-connections=true"
            }),
    // the read replica's pool (ReadReplica): outside transactions (it only reads, and a search's audit entry is written
    // on the primary in the same transaction), empty until a connection is asked for
    @DataSourceDefinition(
            name = ReadReplica.DATA_SOURCE,
            className = "org.talentpipeline.platform.ReplicaDataSource",
            transactional = false,
            minPoolSize = 0,
            maxPoolSize = 40,
            properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.fail-all-connections=true"
            })
})
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Migrations {

    public static final String DATA_SOURCE = "java:app/jdbc/talent";

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @PostConstruct
    void onStart() {
        long started = System.nanoTime();
        MigrateResult result = migrate(dataSource);
        // with nothing to apply Flyway names no target version: the schema stays at the one it had
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        StartupStages.done(
                "database schema at version " + version + " (" + result.migrationsExecuted + " migrations applied now)",
                started);
    }

    /**
     * Applies the packaged migrations to a database; also used by tests and the data generator.
     * The scripts are the same for both databases; the few words that differ are placeholders.
     */
    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(placeholders(dataSource))
                .load()
                .migrate();
    }

    static Map<String, String> placeholders(DataSource dataSource) {
        boolean postgres;
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate it", e);
        }
        return Map.of("name_collation", postgres ? "collate \"C\"" : "");
    }
}
