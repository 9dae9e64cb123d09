package org.talentpipeline.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.Conflict;

/**
 * Online backups of the embedded H2 database (ADMIN): H2's {@code BACKUP TO} writes a consistent
 * zip of the database while the application keeps running, into {@code TP_BACKUP_DIR} (default
 * {@code ./backups}), never to a path a caller names. PostgreSQL is backed up from outside with
 * {@code pg_dump} ({@code docker/backup-postgres.sh}), so here it answers 409.
 */
@ApplicationScoped
public class Backups {

    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Inject
    BackupStore store;

    @Inject
    @ConfigProperty(name = "TP_BACKUP_DIR", defaultValue = "backups")
    String directory;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public record Backup(String file, long bytes, Instant madeAt) {}

    public Backup backUp() {
        access.require(Operation.DATABASE_BACKUP);
        Instant now = Instant.now(clock);
        if (!store.embedded()) {
            throw new Conflict("this database is PostgreSQL: back it up with pg_dump (docker/backup-postgres.sh)");
        }
        try {
            Path dir = Path.of(directory).toAbsolutePath().normalize();
            Files.createDirectories(dir);
            Path file = dir.resolve("talent-" + NAME.format(now) + ".zip");
            store.backUpTo(file);
            long bytes = Files.size(file);
            audit.record(
                    AuditAction.EXPORT, "database", null, "backup " + file.getFileName() + ", " + bytes + " bytes");
            return new Backup(file.toString(), bytes, now);
        } catch (IOException e) {
            throw new UncheckedIOException("the backup directory " + directory + " cannot be written", e);
        }
    }
}
