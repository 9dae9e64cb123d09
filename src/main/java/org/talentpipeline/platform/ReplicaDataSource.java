package org.talentpipeline.platform;

import org.eclipse.microprofile.config.Config;

/**
 * The driver-level data source of the read replica's pool ({@code TP_DB_READ_URL}); without one it
 * connects to the primary, though {@link ReadReplica} then never asks it for a connection.
 */
public class ReplicaDataSource extends ConfiguredDataSource {

    @Override
    DatabaseSettings settings(Config config) {
        return DatabaseSettings.readReplica(config).orElseGet(() -> DatabaseSettings.read(config));
    }
}
