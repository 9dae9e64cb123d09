package org.talentpipeline.platform;

import org.eclipse.microprofile.config.Config;

/** Where the database is: {@code TP_DB_URL}, {@code TP_DB_USER}, {@code TP_DB_PASSWORD}. */
public record DatabaseSettings(String url, String user, String password) {

    static DatabaseSettings read(Config config) {
        return new DatabaseSettings(
                config.getOptionalValue("TP_DB_URL", String.class).orElse(ConfiguredDataSource.DEFAULT_URL),
                config.getOptionalValue("TP_DB_USER", String.class).orElse(null),
                config.getOptionalValue("TP_DB_PASSWORD", String.class).orElse(null));
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }
}
