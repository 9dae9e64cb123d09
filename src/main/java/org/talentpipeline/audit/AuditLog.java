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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
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

    @Inject
    Access access;

    @Inject
    AuditRows rows;

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
    public void record(
            String actor, AuditAction action, String subject, String schoolCode, String detail, String remoteAddr) {
        em.persist(new AuditEvent(Instant.now(clock), actor, action, subject, schoolCode, detail, remoteAddr));
    }

    /** A subject of a read, such as {@code student:XDU/2023001}, with the school it belongs to. */
    public record Subject(String subject, String schoolCode) {}

    /**
     * Records one read of personal data that showed several subjects (a search result page, a
     * board, an export): one entry, listing them, and each subject beside it so that its school
     * and the student find the read. Nothing is recorded when the read showed nobody.
     */
    public void recordRead(AuditAction action, String what, List<Subject> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        Set<String> schools = new HashSet<>();
        Map<String, Subject> unique = new LinkedHashMap<>();
        for (Subject s : subjects) {
            unique.putIfAbsent(s.subject(), s);
            schools.add(s.schoolCode());
        }
        String detail = String.join(", ", unique.keySet());
        rows.insert(
                Instant.now(clock),
                currentActor(),
                action,
                what,
                schools.size() == 1 ? schools.iterator().next() : null,
                detail,
                unique.values());
    }

    /**
     * Rewrites the entries that name an erased student (STUDENT_ERASE) so that the log keeps every
     * fact without their personal data: their subject ({@code student:} and {@code oldRef}, in an entry and in the
     * lists of reads of many) becomes the tombstone's, their name and account name in the details
     * become the tombstone's, and their account's own entries name a pseudonymous actor. The only
     * change ever made to entries already written; returns how many entries changed.
     */
    public int pseudonymise(
            Caller caller, String oldRef, String newRef, String fullName, String account, String pseudonym) {
        Operation.STUDENT_ERASE.grant(caller);
        return rows.pseudonymise(oldRef, newRef, fullName, account, pseudonym);
    }

    /** A view or export: when, by whom, which action, and what was read. */
    public record Read(Instant at, String actor, String action, String what) {}

    /**
     * The views and exports of {@code subject} by any of {@code actors}, newest first, at most
     * {@code limit}: an entry about the subject alone (its detail says what was read) and a read of
     * many that lists it (its subject says what). For the privacy area's disclosure log, which has
     * checked its own operation.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Read> readsOf(String subject, Collection<String> actors, int limit) {
        return actors.isEmpty() ? List.of() : rows.readsOf(subject, actors, limit);
    }

    /** How many views (or exports) one actor made. */
    public record ReadCount(String actor, String action, long count) {}

    /**
     * The views and exports by any of {@code actors} from {@code from} (inclusive) to {@code to}
     * (exclusive) that were about at least one of {@code subjects} (alone, or listed in a read of
     * many), counted once each, per actor and action. For the privacy area's minors' report, which
     * has checked its own operation.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReadCount> readsOfAny(
            Collection<String> subjects, Collection<String> actors, Instant from, Instant to) {
        return actors.isEmpty() || subjects.isEmpty() ? List.of() : rows.readsOfAny(subjects, actors, from, to);
    }

    /**
     * How many entries of {@code action} whose detail ends with {@code detailEnd} were written from
     * {@code from} (inclusive) to {@code to} (exclusive), about {@code schoolCode} (null: any school).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(AuditAction action, String detailEnd, Instant from, Instant to, String schoolCode) {
        return rows.count(action, detailEnd, from, to, schoolCode);
    }

    /**
     * The entries the caller may read (AUDIT_READ): ADMIN every entry, a SCHOOL_ADMIN those about
     * their school's records, whatever school the query names. An entry of a read that showed
     * several schools' students lists, for a SCHOOL_ADMIN, only their own school's.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEntry> search(AuditQuery query, PageRequest page) {
        Grant grant = access.require(Operation.AUDIT_READ);
        String school = grant.schoolFilter();
        if (school != null) {
            query = query.forSchool(school);
        }
        Page<AuditEntry> found = entries(query, page);
        return school == null ? found : new Page<>(narrowed(found.items(), school), found.total());
    }

    /** The entries with subjects listed, each with only the subjects of {@code school} in its detail. */
    private List<AuditEntry> narrowed(List<AuditEntry> entries, String school) {
        if (entries.isEmpty()) {
            return entries;
        }
        Map<Long, List<String>> listed = em.createQuery(
                        "select a.eventId, a.subject from AuditSubject a"
                                + " where a.eventId in :ids and a.schoolCode = :school order by a.eventId, a.subject",
                        Object[].class)
                .setParameter("ids", entries.stream().map(AuditEntry::id).toList())
                .setParameter("school", school)
                .getResultStream()
                .collect(Collectors.groupingBy(
                        r -> ((Number) r[0]).longValue(),
                        LinkedHashMap::new,
                        Collectors.mapping(r -> (String) r[1], Collectors.toList())));
        List<AuditEntry> narrowed = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            List<String> own = listed.get(e.id());
            narrowed.add(
                    own == null
                            ? e
                            : new AuditEntry(
                                    e.id(),
                                    e.at(),
                                    e.actor(),
                                    e.action(),
                                    e.subject(),
                                    school,
                                    String.join(", ", own),
                                    e.remoteAddr()));
        }
        return narrowed;
    }

    /**
     * The latest views of records by recruiters of agencies (users with an agency), as
     * {@link #search} reaches them: a SCHOOL_ADMIN sees the views of their school's students.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEntry> agencyViews(PageRequest page) {
        Grant grant = access.require(Operation.AUDIT_READ);
        String school = grant.schoolFilter();
        AuditQuery query = new AuditQuery(null, null, AuditAction.VIEW.name(), school);
        Page<AuditEntry> found =
                entries(query, page, " and e.actor in (select u.username from User u where u.agencyCode is not null)");
        return school == null ? found : new Page<>(narrowed(found.items(), school), found.total());
    }

    private Page<AuditEntry> entries(AuditQuery query, PageRequest page) {
        return entries(query, page, "");
    }

    private Page<AuditEntry> entries(AuditQuery query, PageRequest page, String also) {
        StringBuilder where = new StringBuilder(" where 1 = 1").append(also);
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
        TypedQuery<AuditEntry> rows = em.createQuery(
                "select new org.talentpipeline.audit.AuditEntry(e.id, e.occurredAt,"
                        + " e.actor, e.action, e.subject, e.schoolCode, e.detail, e.remoteAddr) from AuditEvent e"
                        + where
                        + " order by e.occurredAt desc, e.id desc",
                AuditEntry.class);
        TypedQuery<Long> count = em.createQuery("select count(e) from AuditEvent e" + where, Long.class);
        params.forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<AuditEntry> items = new ArrayList<>(
                rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList());
        return new Page<>(items, count.getSingleResult());
    }
}
