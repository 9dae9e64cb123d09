package org.talentpipeline.maintenance;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.talentpipeline.platform.Migrations;

/**
 * The embedded database's own online backup: H2's {@code BACKUP TO}, a statement JPA has no word
 * for, and the database's product name, from the connection's metadata.
 */
@ApplicationScoped
public class BackupStore {

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    /** Whether the database is the embedded H2 (which backs itself up here), not PostgreSQL. */
    boolean embedded() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("h2");
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Writes a consistent zip of the embedded database to {@code file} while the application keeps running. */
    void backUpTo(Path file) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("backup to ?")) {
            s.setString(1, file.toString());
            s.execute();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("the backup failed: " + e.getMessage(), e);
    }
}
