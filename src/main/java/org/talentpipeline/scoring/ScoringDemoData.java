package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.talentpipeline.platform.DemoSeed;

/**
 * Rates the demo results, last of the demo seeds. Results stored while the demo data is seeded at
 * start-up do not reach the after-commit observer (API posts do), so the replay is run here, in
 * the seeding transaction: nobody else writes ratings before the application has started.
 */
@ApplicationScoped
public class ScoringDemoData implements DemoSeed {

    @PersistenceContext
    EntityManager em;

    @Inject
    Ratings ratings;

    @Override
    public int order() {
        return 90;
    }

    @Override
    public void seed() {
        em.flush();
        ratings.replaceAll(percent -> { });
    }
}
