package org.talentpipeline.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One of the students (or other subjects) an audit entry's read showed, with their school. Append-only. */
@Entity
@Table(name = "audit_subject")
@IdClass(AuditSubject.Key.class)
public class AuditSubject {

    /** The key: the entry and the subject. */
    public record Key(Long eventId, String subject) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "event_id", updatable = false)
    private Long eventId;

    @Id
    @Column(updatable = false)
    private String subject;

    @Column(name = "school_code", updatable = false)
    private String schoolCode;

    protected AuditSubject() {}

    AuditSubject(Long eventId, String subject, String schoolCode) {
        this.eventId = eventId;
        this.subject = subject.length() <= 200 ? subject : subject.substring(0, 200);
        this.schoolCode = schoolCode;
    }
}
