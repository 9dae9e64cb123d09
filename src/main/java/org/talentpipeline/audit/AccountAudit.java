package org.talentpipeline.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.talentpipeline.identity.AccountEvent;

/** Writes the audit entries of sign-ins and account changes, in the transaction that fired them. */
@ApplicationScoped
public class AccountAudit {

    @Inject
    AuditLog log;

    public void record(@Observes AccountEvent event) {
        AuditAction action = action(event.kind());
        if (event.actor() == null) {
            log.record(action, event.subject(), event.schoolCode(), event.detail());
        } else {
            log.record(event.actor(), action, event.subject(), event.schoolCode(), event.detail(), event.remoteAddr());
        }
    }

    static AuditAction action(AccountEvent.Kind kind) {
        return AuditAction.valueOf(kind.name());
    }
}
