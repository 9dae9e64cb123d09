package org.talentpipeline.platform;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where the database is: {@code TP_DB_URL}, {@code TP_DB_USER}, {@code TP_DB_PASSWORD}; and where its
 * read replica is, if there is one: {@code TP_DB_READ_URL}, {@code TP_DB_READ_USER},
 * {@code TP_DB_READ_PASSWORD} (user and password default to the primary's).
 */
public record DatabaseSettings(String url, String user, String password) {

    static DatabaseSettings read(Config config) {
        return new DatabaseSettings(
                config.getOptionalValue("TP_DB_URL", String.class).orElse(ConfiguredDataSource.DEFAULT_URL),
                config.getOptionalValue("TP_DB_USER", String.class).orElse(null),
                config.getOptionalValue("TP_DB_PASSWORD", String.class).orElse(null));
    }

    /** The read replica's settings, if {@code TP_DB_READ_URL} is set. */
    static Optional<DatabaseSettings> readReplica(Config config) {
        DatabaseSettings primary = read(config);
        return config.getOptionalValue("TP_DB_READ_URL", String.class)
                .filter(url -> !url.isBlank())
                .map(url -> new DatabaseSettings(
                        url,
                        config.getOptionalValue("TP_DB_READ_USER", String.class).orElse(primary.user()),
                        config.getOptionalValue("TP_DB_READ_PASSWORD", String.class)
                                .orElse(primary.password())));
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }
}
