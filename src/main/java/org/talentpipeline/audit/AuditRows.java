package org.talentpipeline.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.talentpipeline.platform.Jdbc;
import org.talentpipeline.platform.Migrations;

/**
 * The audit entries of reads that showed many students, written over JDBC: the entry, then its
 * subjects in one batch, on the connection of the caller's transaction. The search writes one with
 * every page it shows, up to a hundred subjects: two statements and no persistence context to
 * flush, where JPA made each subject a managed entity and needed the entry flushed first.
 *
 * <p>Also the reads other areas count or list by actor, in one statement each: the actors (an
 * agency's accounts) and the subjects (a year's minors, up to a tenth of the nation's students) come
 * as arrays, which a JPQL IN list would spell out as one parameter each.
 */
@ApplicationScoped
class AuditRows {

    /** The sequence steps by this: each {@code nextval} reserves the ids up to it, as EclipseLink takes them. */
    private static final int BLOCK = 50;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    private long next;
    private long last = -1;

    void insert(
            Instant at,
            String actor,
            AuditAction action,
            String subject,
            String schoolCode,
            String detail,
            Collection<AuditLog.Subject> subjects) {
        try (Connection c = dataSource.getConnection()) {
            long id = nextId(c);
            try (PreparedStatement s =
                    c.prepareStatement("insert into audit_event (id, occurred_at, actor, action, subject,"
                            + " school_code, detail) values (?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, id);
                s.setTimestamp(2, Timestamp.from(at));
                s.setString(3, AuditEvent.clip(actor, 60));
                s.setString(4, action.name());
                s.setString(5, AuditEvent.clip(subject, 200));
                s.setString(6, schoolCode);
                s.setString(7, AuditEvent.clip(detail, 1000));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into audit_subject (event_id, subject, school_code)" + " values (?, ?, ?)")) {
                for (AuditLog.Subject subjectOf : subjects) {
                    s.setLong(1, id);
                    s.setString(2, AuditEvent.clip(subjectOf.subject(), 200));
                    s.setString(3, subjectOf.schoolCode());
                    s.addBatch();
                }
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit entry was not written", e);
        }
    }

    private synchronized long nextId(Connection c) throws SQLException {
        if (next > last) {
            // taken on the caller's connection: a rolled-back transaction leaves a gap, never a reused id
            try (PreparedStatement s = c.prepareStatement("select nextval('audit_event_seq')");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
                next = last - BLOCK + 1;
            }
        }
        return next++;
    }

    /** See {@link AuditLog#readsOf}. */
    List<AuditLog.Read> readsOf(String subject, Collection<String> actors, int limit) {
        String select = "select e.occurred_at, e.actor, e.action, ";
        String reads = " where e.actor = any(?) and e.action in ('VIEW', 'EXPORT')";
        List<AuditLog.Read> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select * from (" + select
                        + "e.detail as what from audit_event e" + reads + " and e.subject = ?"
                        + " union all " + select
                        + "e.subject as what from audit_subject a join audit_event e on e.id = a.event_id"
                        + reads + " and a.subject = ?) d order by d.occurred_at desc fetch first " + limit
                        + " rows only")) {
            Array names = Jdbc.names(c, actors);
            s.setArray(1, names);
            s.setString(2, subject);
            s.setArray(3, names);
            s.setString(4, subject);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new AuditLog.Read(
                            rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the reads of " + subject + " could not be read", e);
        }
        return found;
    }

    /** See {@link AuditLog#readsOfAny}. */
    List<AuditLog.ReadCount> readsOfAny(
            Collection<String> subjects, Collection<String> actors, Instant from, Instant to) {
        List<AuditLog.ReadCount> counts = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select e.actor, e.action, count(*) from audit_event e"
                        + " where e.actor = any(?) and e.action in ('VIEW', 'EXPORT') and e.occurred_at >= ?"
                        + " and e.occurred_at < ? and (e.subject = any(?) or exists (select 1 from audit_subject a"
                        + " where a.event_id = e.id and a.subject = any(?))) group by e.actor, e.action")) {
            Array named = Jdbc.names(c, subjects);
            s.setArray(1, Jdbc.names(c, actors));
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            s.setArray(4, named);
            s.setArray(5, named);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.add(new AuditLog.ReadCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the reads could not be counted", e);
        }
        return counts;
    }

    /** See {@link AuditLog#count}. */
    long count(AuditAction action, String detailEnd, Instant from, Instant to, String schoolCode) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from audit_event e where e.action = ?"
                        + " and e.detail like ? and e.occurred_at >= ? and e.occurred_at < ?"
                        + (schoolCode == null ? "" : " and e.school_code = ?"))) {
            s.setString(1, action.name());
            s.setString(2, "%" + detailEnd);
            s.setTimestamp(3, Timestamp.from(from));
            s.setTimestamp(4, Timestamp.from(to));
            if (schoolCode != null) {
                s.setString(5, schoolCode);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the " + action + " entries could not be counted", e);
        }
    }

    /** See {@link AuditLog#pseudonymise}; on the connection of the caller's transaction. */
    int pseudonymise(String oldRef, String newRef, String fullName, String account, String pseudonym) {
        String oldSubject = "student:" + oldRef;
        String newSubject = "student:" + newRef;
        Pattern ref = Pattern.compile("(?<![\\w/-])" + Pattern.quote(oldRef) + "(?![\\w/-])");
        int changed = 0;
        try (Connection c = dataSource.getConnection()) {
            List<Object[]> rewritten = new ArrayList<>();
            try (PreparedStatement s =
                    c.prepareStatement("select id, subject, detail, actor from audit_event e where e.subject = ?"
                            + " or e.id in (select a.event_id from audit_subject a where a.subject = ?)"
                            + (account == null ? "" : " or e.actor = ? or e.subject = ?"))) {
                s.setString(1, oldSubject);
                s.setString(2, oldSubject);
                if (account != null) {
                    s.setString(3, account);
                    s.setString(4, "user:" + account);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String subject = rs.getString(2);
                        String detail = rs.getString(3);
                        String actor = rs.getString(4);
                        if (oldSubject.equals(subject)) {
                            subject = newSubject;
                        } else if (account != null && ("user:" + account).equals(subject)) {
                            subject = "user:" + pseudonym;
                        }
                        if (detail != null) {
                            detail = ref.matcher(detail).replaceAll(Matcher.quoteReplacement(newRef));
                            if (fullName != null && !fullName.isBlank()) {
                                detail = detail.replace(fullName, "(erased)");
                            }
                            if (account != null) {
                                detail = detail.replaceAll(
                                        "(?<![\\w.-])" + Pattern.quote(account) + "(?![\\w.-])",
                                        Matcher.quoteReplacement(pseudonym));
                            }
                        }
                        if (account != null && account.equals(actor)) {
                            actor = pseudonym;
                        }
                        rewritten.add(new Object[] {rs.getLong(1), subject, AuditEvent.clip(detail, 1000), actor});
                    }
                }
            }
            try (PreparedStatement s =
                    c.prepareStatement("update audit_event set subject = ?, detail = ?, actor = ? where id = ?")) {
                for (Object[] r : rewritten) {
                    s.setString(1, (String) r[1]);
                    s.setString(2, (String) r[2]);
                    s.setString(3, (String) r[3]);
                    s.setLong(4, (Long) r[0]);
                    s.addBatch();
                }
                if (!rewritten.isEmpty()) {
                    s.executeBatch();
                }
                changed = rewritten.size();
            }
            try (PreparedStatement s = c.prepareStatement("update audit_subject set subject = ? where subject = ?")) {
                s.setString(1, newSubject);
                s.setString(2, oldSubject);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit entries were not pseudonymised", e);
        }
        return changed;
    }
}
