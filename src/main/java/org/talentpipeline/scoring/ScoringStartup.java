package org.talentpipeline.scoring;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.talentpipeline.platform.StartupStages;

/** After the schema is migrated and any demo data seeded, picks up the scoring work left to do. */
@Singleton
@Startup
@DependsOn("DemoData")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScoringStartup {

    @Inject
    ScoringJobs jobs;

    @PostConstruct
    void resume() {
        long started = System.nanoTime();
        jobs.resume();
        StartupStages.done("scoring work resumed", started);
    }
}
