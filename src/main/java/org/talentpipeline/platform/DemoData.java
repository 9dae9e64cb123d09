package org.talentpipeline.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the demo data set when {@code TP_DEMO=true} and the database holds no users yet, in one
 * transaction: a second start finds users and seeds nothing, and a failed seed leaves nothing.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class DemoData {

    private static final ThreadLocal<Boolean> SEEDING = ThreadLocal.withInitial(() -> false);

    @Inject
    @ConfigProperty(name = "TP_DEMO", defaultValue = "false")
    boolean demo;

    @Inject
    Instance<DemoSeed> seeds;

    @PersistenceContext
    EntityManager em;

    /** Whether this thread is seeding the demo data (whose users share the README's password). */
    public static boolean isSeeding() {
        return SEEDING.get();
    }

    @PostConstruct
    void seedIfEmpty() {
        if (!demo) {
            StartupStages.done("demo data off (TP_DEMO)", System.nanoTime());
            return;
        }
        // nodes started together seed once: the scoring lease's row (in every schema) locked until this seed commits,
        // so the second node counts the users the first one seeded
        em.createNativeQuery("select id from scoring_lease where id = 1 for update")
                .getResultList();
        long users =
                ((Number) em.createNativeQuery("select count(*) from app_user").getSingleResult()).longValue();
        if (users > 0) {
            StartupStages.done("demo data: the database already holds data, nothing seeded", System.nanoTime());
            return;
        }
        long started = System.nanoTime();
        SEEDING.set(true);
        try {
            seeds.stream().sorted(Comparator.comparingInt(DemoSeed::order)).forEach(DemoSeed::seed);
        } finally {
            SEEDING.remove();
        }
        StartupStages.done("demo data seeded", started);
    }
}
