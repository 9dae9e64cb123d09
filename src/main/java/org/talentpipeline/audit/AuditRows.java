package org.talentpipeline.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import javax.sql.DataSource;
import org.talentpipeline.platform.Migrations;

/**
 * The audit entries of reads that showed many students, written over JDBC: the entry, then its
 * subjects in one batch, on the connection of the caller's transaction. The search writes one with
 * every page it shows, up to a hundred subjects: two statements and no persistence context to
 * flush, where JPA made each subject a managed entity and needed the entry flushed first.
 */
@ApplicationScoped
class AuditRows {

    /** The sequence steps by this: each {@code nextval} reserves the ids up to it, as EclipseLink takes them. */
    private static final int BLOCK = 50;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    private long next;
    private long last = -1;

    void insert(Instant at, String actor, AuditAction action, String subject, String schoolCode, String detail,
            Collection<AuditLog.Subject> subjects) {
        try (Connection c = dataSource.getConnection()) {
            long id = nextId(c);
            try (PreparedStatement s = c.prepareStatement("insert into audit_event (id, occurred_at, actor, action, subject,"
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
            try (PreparedStatement s = c.prepareStatement("insert into audit_subject (event_id, subject, school_code)"
                    + " values (?, ?, ?)")) {
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
            try (PreparedStatement s = c.prepareStatement("select nextval('audit_event_seq')"); ResultSet rs = s.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
                next = last - BLOCK + 1;
            }
        }
        return next++;
    }
}
