package org.talentpipeline.student;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Drops the staging tables that imports killed in mid-run left behind (with a whole file's
 * personal data in them): at start-up, this node's own and every expired one; then every ten
 * minutes, every expired one. See {@link ImportStagingStore}.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportStagingSweep {

    @Inject
    ImportStagingStore staging;

    @Inject
    Clock clock;

    @PostConstruct
    void atStart() {
        staging.sweep(Instant.now(clock), true);
    }

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void periodically() {
        staging.sweep(Instant.now(clock), false);
    }
}
