package org.talentpipeline.privacy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.student.StudentService;

/**
 * The disclosure log: every view and export of a student's data by an agency's recruiter, read from
 * the audit log (an entry about the student alone, or a read of many that lists them in
 * {@code audit_subject}), its actor's agency from their account.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DisclosureLog {

    /** At most this many entries, newest first. */
    static final int LIMIT = 1_000;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    StudentService students;

    /** The signed-in student's own disclosure log (OWN_RECORD). */
    public List<Disclosure> mine() {
        return of(students.ownRef(Operation.OWN_RECORD));
    }

    /** The disclosures of the student {@code ref}, for a caller that has checked its operation on them. */
    List<Disclosure> of(String ref) {
        String subject = "student:" + ref;
        String select = "select e.occurred_at, u.agency_code, e.actor, e.action, ";
        String agencyReads = " join app_user u on u.username = e.actor where u.agency_code is not null"
                + " and e.action in ('VIEW', 'EXPORT')";
        List<Disclosure> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select * from (" + select
                        + "e.detail as what from audit_event e" + agencyReads + " and e.subject = ?"
                        + " union all " + select
                        + "e.subject as what from audit_subject a join audit_event e on e.id = a.event_id"
                        + agencyReads + " and a.subject = ?) d order by d.occurred_at desc fetch first " + LIMIT
                        + " rows only")) {
            s.setString(1, subject);
            s.setString(2, subject);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Disclosure(
                            rs.getTimestamp(1).toInstant(),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the disclosure log could not be read", e);
        }
        return found;
    }
}
