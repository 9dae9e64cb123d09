package org.talentpipeline.privacy;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Logger;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Role;

/**
 * Applies the retention policy once a day, at 03:15 UTC, as the system (an ADMIN of no school). On
 * several nodes each runs it; an erasure already made is not due any more, and one raced by another
 * node rolls back alone.
 */
@Singleton
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    /** Who the job acts as, in the audit log. */
    static final Caller SYSTEM = new Caller("retention", Set.of(Role.ADMIN), null, null);

    @Inject
    Retention retention;

    @Schedule(hour = "3", minute = "15", timezone = "UTC", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void daily() {
        int erased = retention.apply(SYSTEM);
        LOG.info(() -> "retention: " + erased + " students anonymised");
    }
}
