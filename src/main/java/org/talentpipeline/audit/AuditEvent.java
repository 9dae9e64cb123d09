package org.talentpipeline.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something that happened: a sign-in, a change, a view of a candidate. Append-only: the entity has
 * no setters and the application never updates or deletes a row.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "occurred_at", updatable = false)
    private Instant occurredAt;

    @Column(updatable = false)
    private String actor;

    @Column(updatable = false)
    private String action;

    @Column(updatable = false)
    private String subject;

    @Column(name = "school_code", updatable = false)
    private String schoolCode;

    @Column(updatable = false)
    private String detail;

    @Column(name = "remote_addr", updatable = false)
    private String remoteAddr;

    protected AuditEvent() {}

    AuditEvent(
            Instant occurredAt,
            String actor,
            AuditAction action,
            String subject,
            String schoolCode,
            String detail,
            String remoteAddr) {
        this.occurredAt = occurredAt;
        this.actor = clip(actor, 60);
        this.action = action.name();
        this.subject = clip(subject, 200);
        this.schoolCode = schoolCode;
        this.detail = clip(detail, 1000);
        this.remoteAddr = clip(remoteAddr, 64);
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }
}
