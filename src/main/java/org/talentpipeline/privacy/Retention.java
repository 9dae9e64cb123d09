package org.talentpipeline.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.placement.PlacementService;
import org.talentpipeline.student.StudentService;

/**
 * The retention policy: a student is anonymised (as an erasure does it) once {@code TP_RETENTION_YEARS}
 * (default five) full years have passed since their graduation year, unless a placement of theirs is
 * still open. A daily job applies it ({@link RetentionJob}); the dry run lists what it would erase.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Inject
    StudentService students;

    @Inject
    PlacementService placements;

    @Inject
    @ConfigProperty(name = "TP_RETENTION_YEARS", defaultValue = "5")
    int years;

    @Inject
    Clock clock;

    @Inject
    Access access;

    @Inject
    Erasure erasure;

    /** A student the policy would anonymise now. */
    public record Due(String ref, String fullName, int graduationYear) {}

    /** What the policy would anonymise today (RETENTION: ADMIN), the dry run; at most {@code limit} rows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Due> dryRun(int limit) {
        access.require(Operation.RETENTION);
        return due(Math.max(1, Math.min(limit, 10_000)));
    }

    /** The years after graduation the policy keeps a record. */
    public int years() {
        return years;
    }

    List<Due> due(int limit) {
        int before = LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear() - years;
        return students.graduatedBefore(before, placements.studentsInOpenPlacements(), limit).stream()
                .map(g -> new Due(g.ref(), g.fullName(), g.graduationYear()))
                .toList();
    }

    /**
     * Anonymises everyone the policy says is due, each in a transaction of their own (one failing, say
     * to a concurrent change on another node, is tried again the next day); returns how many.
     */
    public int apply(Caller caller) {
        Operation.RETENTION.grant(caller);
        int erased = 0;
        for (Due d : due(10_000)) {
            try {
                erasure.erase(
                        caller, d.ref(), "retention: " + years + " years after graduating in " + d.graduationYear());
                erased++;
            } catch (RuntimeException e) {
                LOG.warning(() -> "retention: a student was not anonymised this time: " + e);
            }
        }
        return erased;
    }
}
