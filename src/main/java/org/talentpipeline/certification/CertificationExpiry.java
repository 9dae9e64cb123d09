package org.talentpipeline.certification;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily job that ends certifications whose period is over, also run at start-up so that a day
 * the server was down is caught up. Running it twice, or on every node, ends nothing twice.
 */
@Singleton
@Startup
@DependsOn("DemoData")
public class CertificationExpiry {

    private static final Logger LOG = Logger.getLogger(CertificationExpiry.class.getName());

    @Inject
    CertificationService certifications;

    @PostConstruct
    void atStart() {
        daily();
    }

    @Schedule(hour = "0", minute = "15", persistent = false)
    void daily() {
        try {
            certifications.expireOnSchedule();
        } catch (RuntimeException e) {
            // another node ended the same certification first: the next run finds nothing left
            LOG.log(Level.WARNING, "The certification expiry run failed; the next run retries", e);
        }
    }
}
