package org.talentpipeline.integrity;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.talentpipeline.competition.SolvesStored;

/**
 * Runs the integrity checks once an event's results and evidence have committed, in a transaction of
 * their own: a check that fails never takes the results with it (it is logged, and the next post of
 * the event's results runs the checks again). An EJB, as {@code ScoringJobs} is: an after-commit
 * observer of a plain CDI bean runs without a component invocation, where the cases' persistence
 * context is not injected.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IntegrityChecks {

    private static final Logger LOG = Logger.getLogger(IntegrityChecks.class.getName());

    @Inject
    IntegrityCases cases;

    public void check(@Observes(during = TransactionPhase.AFTER_SUCCESS) SolvesStored stored) {
        try {
            List<Long> opened = cases.open(stored);
            LOG.info(() -> "integrity checks of " + stored.eventCode() + ": " + opened.size() + " cases opened");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the integrity checks of " + stored.eventCode() + " failed", e);
        }
    }
}
