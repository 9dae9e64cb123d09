package org.talentpipeline.audit;

import java.time.Instant;

/** An audit event as lists and the API show it. */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String action,
        String subject,
        String schoolCode,
        String detail,
        String remoteAddr) {}
