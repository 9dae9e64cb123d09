package org.talentpipeline.privacy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.student.StudentRef;

/**
 * The retention policy: a student is anonymised (as an erasure does it) once {@code TP_RETENTION_YEARS}
 * (default five) full years have passed since their graduation year, unless a placement of theirs is
 * still open. A daily job applies it ({@link RetentionJob}); the dry run lists what it would erase.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    /** The stages after which a placement is closed. */
    static final String CLOSED = "('PLACED', 'DECLINED', 'WITHDRAWN')";

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

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
        List<Due> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select sc.code, st.student_number,"
                        + " st.full_name, st.expected_graduation_year from student st join school sc on sc.id = st.school_id"
                        + " where st.expected_graduation_year < ? and st.status <> 'ERASED' and not exists (select 1 from placement p"
                        + " where p.student_id = st.id and p.stage not in " + CLOSED
                        + ") order by st.expected_graduation_year, st.id"
                        + " fetch first " + limit + " rows only")) {
            s.setInt(1, before);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(
                            StudentRef.format(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getInt(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the retention policy could not be read", e);
        }
        return due;
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
