package org.talentpipeline.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;

/**
 * Writes and reads the append-only audit log. An entry is written in the transaction of the change
 * it records, so a change that rolls back leaves no entry and no change goes unrecorded.
 */
@ApplicationScoped
@Transactional
public class AuditLog {

    static final String SYSTEM = "system";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecurityContext security;

    @Inject
    Clock clock;

    /** Records an action by the signed-in caller; outside a request (start-up, jobs) the actor is "system". */
    public void record(AuditAction action, String subject, String schoolCode, String detail) {
        record(currentActor(), action, subject, schoolCode, detail, null);
    }

    private String currentActor() {
        try {
            Principal caller = security.getCallerPrincipal();
            return caller == null ? SYSTEM : caller.getName();
        } catch (IllegalStateException e) {
            // the EJB container refuses the question during start-up callbacks
            return SYSTEM;
        }
    }

    /** Records an action by a named actor (sign-ins, where nobody is signed in yet). */
    public void record(String actor, AuditAction action, String subject, String schoolCode, String detail,
            String remoteAddr) {
        em.persist(new AuditEvent(Instant.now(clock), actor, action, subject, schoolCode, detail, remoteAddr));
    }

    /** A subject of a read, such as {@code student:XDU/2023001}, with the school it belongs to. */
    public record Subject(String subject, String schoolCode) {
    }

    /**
     * Records one read of personal data that showed several subjects (a search result page, a
     * board, an export): one entry, listing them, and each subject beside it so that its school
     * and the student find the read. Nothing is recorded when the read showed nobody.
     */
    public void recordRead(AuditAction action, String what, List<Subject> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        java.util.Set<String> schools = new java.util.HashSet<>();
        java.util.LinkedHashMap<String, Subject> unique = new java.util.LinkedHashMap<>();
        for (Subject s : subjects) {
            unique.putIfAbsent(s.subject(), s);
            schools.add(s.schoolCode());
        }
        String detail = String.join(", ", unique.keySet());
        AuditEvent event = new AuditEvent(Instant.now(clock), currentActor(), action, what,
                schools.size() == 1 ? schools.iterator().next() : null, detail, null);
        em.persist(event);
        em.flush();
        for (Subject s : unique.values()) {
            em.persist(new AuditSubject(event.getId(), s.subject(), s.schoolCode()));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEntry> search(AuditQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.subject() != null) {
            where.append(" and (e.subject = :subject or exists (select 1 from AuditSubject a where a.eventId = e.id"
                    + " and a.subject = :subject))");
            params.put("subject", query.subject());
        }
        if (query.actor() != null) {
            where.append(" and e.actor = :actor");
            params.put("actor", query.actor());
        }
        if (query.action() != null) {
            where.append(" and e.action = :action");
            params.put("action", query.action());
        }
        if (query.schoolCode() != null) {
            where.append(" and (e.schoolCode = :school or exists (select 1 from AuditSubject a where a.eventId = e.id"
                    + " and a.schoolCode = :school))");
            params.put("school", query.schoolCode());
        }
        TypedQuery<AuditEntry> rows = em.createQuery("select new org.talentpipeline.audit.AuditEntry(e.id, e.occurredAt,"
                + " e.actor, e.action, e.subject, e.schoolCode, e.detail, e.remoteAddr) from AuditEvent e" + where
                + " order by e.occurredAt desc, e.id desc", AuditEntry.class);
        TypedQuery<Long> count = em.createQuery("select count(e) from AuditEvent e" + where, Long.class);
        params.forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<AuditEntry> items = new ArrayList<>(rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList());
        return new Page<>(items, count.getSingleResult());
    }
}
