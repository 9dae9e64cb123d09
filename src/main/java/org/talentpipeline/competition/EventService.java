package org.talentpipeline.competition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.platform.Versions;
import org.talentpipeline.taxonomy.NiceFramework;

/**
 * The competitions catalogue: series and their events. Every operation asks the access policy
 * first: {@link Operation#EVENT_READ} to read, {@link Operation#EVENT_WRITE} to add an event.
 */
@ApplicationScoped
@Transactional
public class EventService {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    NiceFramework nice;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    Access access;

    public EventView create(@NotNull EventInput input) {
        access.require(Operation.EVENT_WRITE);
        return add(input);
    }

    /** Adds an event for a caller who is not making a request (the demo data's). */
    public EventView create(Caller caller, @NotNull EventInput input) {
        Operation.EVENT_WRITE.grant(caller);
        return add(input);
    }

    /** The input's problems (added to {@code problems}) and its categories, as entered. */
    private List<EventCategory> checked(EventInput input, List<FieldProblem> problems) {
        validator.validate(input).stream().map(FieldProblem::of).forEach(problems::add);
        if (input.startDate() != null
                && input.endDate() != null
                && input.endDate().isBefore(input.startDate())) {
            problems.add(new FieldProblem("endDate", "must not be before the start date"));
        }
        Set<String> names = new HashSet<>();
        List<EventCategory> categories = new ArrayList<>();
        if (input.categories() != null) {
            for (int i = 0; i < input.categories().size(); i++) {
                EventInput.Category c = input.categories().get(i);
                if (c == null || c.name() == null || c.name().isBlank()) {
                    continue;
                }
                String name = CategoryName.key(c.name());
                if (!names.add(name)) {
                    problems.add(new FieldProblem("categories[" + i + "].name", name + " is listed twice"));
                }
                String role = c.workRole() == null || c.workRole().isBlank()
                        ? null
                        : c.workRole().trim();
                if (role != null && nice.workRole(role).isEmpty()) {
                    problems.add(new FieldProblem("categories[" + i + "].workRole", role + " is not a NICE work role"));
                }
                categories.add(new EventCategory(name, role));
            }
        }
        return categories;
    }

    /** An event with the version an edit starts from, and whether it holds results (then only its name may change). */
    public record EditableEvent(EventView event, long version, boolean holdsResults) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public EditableEvent editable(String code) {
        access.require(Operation.EVENT_WRITE);
        Event event = lookUp(code);
        long results = results(event);
        return new EditableEvent(EventView.of(event, results), event.getVersion(), results > 0);
    }

    /**
     * Changes an event (its code and series stay). {@code expectedVersion} is the version the edit
     * started from; a stale one is refused. An event holding results may change its name only.
     */
    public EventView update(String code, long expectedVersion, @NotNull EventInput input) {
        access.require(Operation.EVENT_WRITE);
        Event event = lookUp(code);
        Versions.check(expectedVersion, event.getVersion(), "event " + event.getCode());
        EventInput same = new EventInput(
                event.getCode(),
                input.name(),
                event.getCompetition().getCode(),
                null,
                null,
                input.level(),
                input.format(),
                input.weight(),
                input.startDate(),
                input.endDate(),
                input.categories(),
                input.teamRule());
        List<FieldProblem> problems = new ArrayList<>();
        List<EventCategory> categories = checked(same, problems);
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        long results = results(event);
        double weight = input.weight() == null ? input.level().defaultWeight() : input.weight();
        event.revise(
                results > 0,
                input.name().trim(),
                input.level(),
                input.format(),
                weight,
                input.startDate(),
                input.endDate(),
                categories);
        event.setTeamRule(input.teamRule());
        em.flush();
        audit.record(AuditAction.UPDATE, "event:" + event.getCode(), null, event.getName());
        return EventView.of(event, results);
    }

    /**
     * Deletes an event that holds no results (with its categories, and any rubric, judges and teams);
     * an event with results is refused, for its results have moved ratings.
     */
    public void delete(String code) {
        access.require(Operation.EVENT_WRITE);
        Event event = lookUp(code);
        long results = results(event);
        if (results > 0) {
            throw new Conflict("event " + event.getCode() + " holds " + results
                    + " results and cannot be deleted: its results have moved ratings");
        }
        em.remove(event);
        em.flush();
        audit.record(AuditAction.DELETE, "event:" + event.getCode(), null, event.getName());
    }

    private long results(Event event) {
        return em.createQuery("select count(r) from Result r where r.event = :e", Long.class)
                .setParameter("e", event)
                .getSingleResult();
    }

    private EventView add(EventInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        List<EventCategory> categories = checked(input, problems);
        if (input.code() != null
                && em.createNamedQuery("Event.countByCode", Long.class)
                                .setParameter("code", input.code())
                                .getSingleResult()
                        > 0) {
            problems.add(new FieldProblem("code", "an event with the code " + input.code() + " exists already"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        Competition series = em.createNamedQuery("Competition.findByCode", Competition.class)
                .setParameter("code", input.competition())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (series == null) {
            series = new Competition(
                    input.competition(),
                    input.competitionName() == null || input.competitionName().isBlank()
                            ? input.competition()
                            : input.competitionName().trim(),
                    input.organiser());
            em.persist(series);
        }
        double weight = input.weight() == null ? input.level().defaultWeight() : input.weight();
        Event event = new Event(
                input.code(),
                input.name().trim(),
                series,
                input.level(),
                input.format(),
                weight,
                input.startDate(),
                input.endDate(),
                categories,
                Instant.now(clock));
        event.setTeamRule(input.teamRule());
        em.persist(event);
        audit.record(AuditAction.CREATE, "event:" + event.getCode(), null, event.getName());
        return EventView.of(event, 0);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EventView> list(PageRequest page) {
        access.require(Operation.EVENT_READ);
        List<Event> events = em.createQuery(
                        "select e from Event e join fetch e.competition order by e.startDate desc, e.code", Event.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        Map<Long, Long> fields = new HashMap<>();
        if (!events.isEmpty()) {
            em.createQuery(
                            "select r.event.id, count(r) from Result r where r.event in :events group by r.event.id",
                            Object[].class)
                    .setParameter("events", events)
                    .getResultList()
                    .forEach(row -> fields.put((Long) row[0], (Long) row[1]));
        }
        long total = em.createQuery("select count(e) from Event e", Long.class).getSingleResult();
        return new Page<>(
                events.stream()
                        .map(e -> EventView.of(e, fields.getOrDefault(e.getId(), 0L)))
                        .toList(),
                total);
    }

    /** An event as the evaluator's home lists it: when it ended, and when and by whom results were stored. */
    public record EventWork(
            String code,
            String name,
            Format format,
            LocalDate endDate,
            long results,
            Instant storedAt,
            String storedBy) {

        static EventWork of(Event e, long results) {
            return new EventWork(
                    e.getCode(),
                    e.getName(),
                    e.getFormat(),
                    e.getEndDate(),
                    results,
                    e.getResultsStoredAt(),
                    e.getResultsStoredBy());
        }
    }

    /** The evaluator's work: events that ended without results (judged events excepted: judging lists those). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EventWork> awaitingResults(int limit) {
        access.require(Operation.RESULTS_WRITE);
        return em.createQuery(
                        "select e from Event e where e.endDate <= :today and e.format <> :judged"
                                + " and not exists (select r from Result r where r.event = e) order by e.endDate desc, e.code",
                        Event.class)
                .setParameter("today", LocalDate.now(clock))
                .setParameter("judged", Format.JUDGED)
                .setMaxResults(limit)
                .getResultStream()
                .map(e -> EventWork.of(e, 0))
                .toList();
    }

    /** The latest result uploads, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EventWork> recentUploads(int limit) {
        access.require(Operation.RESULTS_READ);
        List<Event> events = em.createQuery(
                        "select e from Event e where e.resultsStoredAt is not null"
                                + " order by e.resultsStoredAt desc, e.code",
                        Event.class)
                .setMaxResults(limit)
                .getResultList();
        Map<Long, Long> fields = new HashMap<>();
        if (!events.isEmpty()) {
            em.createQuery(
                            "select r.event.id, count(r) from Result r where r.event in :events group by r.event.id",
                            Object[].class)
                    .setParameter("events", events)
                    .getResultList()
                    .forEach(row -> fields.put((Long) row[0], (Long) row[1]));
        }
        return events.stream()
                .map(e -> EventWork.of(e, fields.getOrDefault(e.getId(), 0L)))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EventView get(String code) {
        access.require(Operation.EVENT_READ);
        Event event = lookUp(code);
        long field = em.createQuery("select count(r) from Result r where r.event = :e", Long.class)
                .setParameter("e", event)
                .getSingleResult();
        return EventView.of(event, field);
    }

    /**
     * The event itself, for the services of the areas that keep its results and its judging: they
     * have asked the policy for their own operation, which is what decides; the catalogue entry
     * itself is no secret from anyone signed in.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Event find(String code) {
        return lookUp(code);
    }

    /** The events with these ids, by start date, then code; for the same areas as {@link #find}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("Event.findByIds", Event.class)
                .setParameter("ids", List.copyOf(ids))
                .getResultList();
    }

    /**
     * The events' skill categories that are mapped onto a NICE work role: each role's category names,
     * in lower case, by role. For the scoring area's analytics and the search's fit to a role; a
     * category's mapping is no secret.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Set<String>> categoriesByWorkRole() {
        Map<String, Set<String>> byRole = new TreeMap<>();
        em.createNamedQuery("Event.categoriesWithWorkRole", Object[].class)
                .getResultStream()
                .forEach(row -> byRole.computeIfAbsent((String) row[1], role -> new TreeSet<>())
                        .add((String) row[0]));
        return byRole;
    }

    /**
     * The judged events with no results yet, latest end first, for the judging area's work list; the
     * judging service has asked the policy for its own operation.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> judgedWithoutResults(int limit) {
        return em.createNamedQuery("Event.findJudgedWithoutResults", Event.class)
                .setParameter("judged", Format.JUDGED)
                .setMaxResults(limit)
                .getResultList();
    }

    private Event lookUp(String code) {
        return em.createNamedQuery("Event.findByCode", Event.class)
                .setParameter("code", code == null ? "" : code.trim())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound("event " + code));
    }
}
