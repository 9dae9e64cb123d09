package org.talentpipeline.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * Who decided a student's request, when, and why: a correction's or an appeal's decision. Every
 * request is decided once, by a person, with a reason the student reads.
 */
@Embeddable
public class Decision {

    @Column(name = "decided_by")
    private String by;

    @Column(name = "decided_at")
    private Instant at;

    @Column(name = "decision_reason")
    private String reason;

    protected Decision() {}

    Decision(String by, String reason, Instant at) {
        this.by = by;
        this.reason = reason;
        this.at = at;
    }

    String by() {
        return by;
    }

    Instant at() {
        return at;
    }

    String reason() {
        return reason;
    }
}
