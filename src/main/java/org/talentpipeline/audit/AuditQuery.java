package org.talentpipeline.audit;

/**
 * Which audit entries to read. Every field is optional; {@code schoolCode} confines the entries to
 * one school's (a SCHOOL_ADMIN's view).
 */
public record AuditQuery(String subject, String actor, String action, String schoolCode) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null);
    }

    public AuditQuery forSchool(String code) {
        return new AuditQuery(subject, actor, action, code);
    }
}
