package org.talentpipeline.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.competition.Event;
import org.talentpipeline.competition.EventService;
import org.talentpipeline.competition.ResultPost;
import org.talentpipeline.competition.ResultService;
import org.talentpipeline.competition.Standing;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Role;
import org.talentpipeline.identity.Tenant;
import org.talentpipeline.identity.UserService;
import org.talentpipeline.identity.UserSummary;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.Versions;
import org.talentpipeline.student.StudentRef;
import org.talentpipeline.student.StudentRefRows;
import org.talentpipeline.student.StudentService;

/**
 * Judged events: the rubric, which judge scores which entry, the judges' scores, and the consensus
 * with its agreement. A judge may not be assigned, nor score, a student of a school they are
 * affiliated with. Publishing the consensus stores it as the event's results.
 *
 * <p>Every operation asks the access policy first: {@link Operation#JUDGING_READ} for the consensus
 * (it names students), {@link Operation#JUDGING_MANAGE} for the rubric, the assignments and
 * publishing, and {@link Operation#JUDGING_SCORE} for a judge's own entries, confined to the entries
 * they are assigned (another entry is not found). The rubric is part of the event: changing it
 * needs the event's version and moves it on.
 */
@ApplicationScoped
@Transactional
public class JudgingService {

    @PersistenceContext
    EntityManager em;

    @Inject
    StudentRefRows studentRefs;

    @Inject
    StudentService students;

    @Inject
    EventService events;

    @Inject
    ResultService results;

    @Inject
    UserService users;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** An entry a judge sees: the student's ref and name, and the judge's scores so far. */
    public record Assignment(String entry, String fullName, Map<String, Double> scores) {}

    /** The judging of an event as pages and the API show it, with the event's version (for a rubric change). */
    public record Summary(
            List<Rubric.Criterion> rubric,
            List<Consensus.EntryResult> entries,
            List<Consensus.JudgeResult> judges,
            Double krippendorffAlpha,
            long version) {}

    /** An event's rubric with the event's version, which a change of the rubric must name. */
    public record VersionedRubric(Rubric rubric, long version) {}

    /**
     * Replaces the rubric of an event nobody has scored yet. {@code version} is the event's version
     * the change started from; a stale one is refused.
     */
    public VersionedRubric defineRubric(String eventCode, long version, List<Rubric.Criterion> criteria) {
        access.require(Operation.JUDGING_MANAGE);
        return define(eventCode, version, criteria);
    }

    /** The same, for a caller who is not making a request (the demo data's). */
    VersionedRubric defineRubric(Caller caller, String eventCode, List<Rubric.Criterion> criteria) {
        Operation.JUDGING_MANAGE.grant(caller);
        return define(eventCode, judged(eventCode).getVersion(), criteria);
    }

    private VersionedRubric define(String eventCode, long version, List<Rubric.Criterion> criteria) {
        Event event = judged(eventCode);
        // the row lock makes a concurrent change wait, then find the version it started from gone
        em.refresh(event, LockModeType.PESSIMISTIC_WRITE);
        Versions.check(version, event.getVersion(), "the rubric of event " + event.getCode());
        List<FieldProblem> problems = Rubric.problems(criteria);
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        long scored = em.createNamedQuery("JudgeScore.countByEvent", Long.class)
                .setParameter("event", event.getId())
                .getSingleResult();
        if (scored > 0) {
            throw new Conflict("judges have scored already: the rubric can no longer change");
        }
        em.createNamedQuery("RubricCriterion.deleteByEvent")
                .setParameter("event", event.getId())
                .executeUpdate();
        for (int i = 0; i < criteria.size(); i++) {
            em.persist(new RubricCriterion(event.getId(), i, criteria.get(i)));
        }
        audit.record(
                AuditAction.UPDATE, "event:" + event.getCode(), null, "rubric of " + criteria.size() + " criteria");
        em.lock(event, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        return new VersionedRubric(rubric(event), event.getVersion());
    }

    /** The evaluators a judged event may be assigned to, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> judges() {
        access.require(Operation.JUDGING_MANAGE);
        return users.withRole(Role.EVALUATOR).stream()
                .map(UserSummary::username)
                .sorted()
                .toList();
    }

    /** A judge of an event: how many entries they were given and how many they have scored. */
    public record Panel(String judge, long entries, long scored) {}

    /** The judges of an event, with their progress. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Panel> panel(String eventCode) {
        access.require(Operation.JUDGING_READ);
        Event event = judged(eventCode);
        Map<String, Long> scored = new HashMap<>();
        em.createNamedQuery("JudgeAssignment.countScoredByJudge", Object[].class)
                .setParameter("event", event.getId())
                .getResultList()
                .forEach(r -> scored.put((String) r[0], ((Number) r[1]).longValue()));
        return em.createNamedQuery("JudgeAssignment.countByJudge", Object[].class)
                .setParameter("event", event.getId())
                .getResultStream()
                .map(r -> new Panel((String) r[0], ((Number) r[1]).longValue(), scored.getOrDefault((String) r[0], 0L)))
                .toList();
    }

    /** Assigns entries (student refs) to a judge; refused for a judge affiliated with an entry's school. */
    public int assign(String eventCode, String judge, List<String> entries) {
        access.require(Operation.JUDGING_MANAGE);
        return assignJudge(eventCode, judge, entries);
    }

    /** The same, for a caller who is not making a request (the demo data's). */
    int assign(Caller caller, String eventCode, String judge, List<String> entries) {
        Operation.JUDGING_MANAGE.grant(caller);
        return assignJudge(eventCode, judge, entries);
    }

    private int assignJudge(String eventCode, String judge, List<String> entries) {
        Event event = judged(eventCode);
        UserSummary user = users.find(judge)
                .filter(u -> u.roles().contains(Role.EVALUATOR))
                .orElseThrow(() -> new BadInput("judge", "no EVALUATOR is called " + judge));
        List<FieldProblem> problems = new ArrayList<>();
        List<Object[]> found = new ArrayList<>();
        Map<String, Long> ids = entries == null
                ? Map.of()
                : studentRefs.ids(entries.stream().filter(StudentRef::isRef).collect(Collectors.toSet()));
        for (int i = 0; i < (entries == null ? 0 : entries.size()); i++) {
            Object[] student = student(entries.get(i), ids);
            if (student == null) {
                problems.add(new FieldProblem("entries[" + i + "]", "no student " + entries.get(i)));
            } else if (student[2].equals(user.schoolCode())) {
                problems.add(new FieldProblem(
                        "entries[" + i + "]",
                        user.username() + " is affiliated with " + student[2] + " and may not judge its students"));
            } else {
                found.add(student);
            }
        }
        if (entries == null || entries.isEmpty()) {
            problems.add(new FieldProblem("entries", "at least one entry is required"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        for (Object[] student : found) {
            // assigning an entry twice keeps the one assignment
            long id = (Long) student[0];
            if (em.find(JudgeAssignment.class, new JudgeAssignment.Key(event.getId(), user.username(), id)) == null) {
                em.persist(new JudgeAssignment(event.getId(), user.username(), id));
            }
        }
        audit.record(
                AuditAction.UPDATE,
                "event:" + event.getCode(),
                null,
                user.username() + " judges " + found.size() + " entries");
        return found.size();
    }

    /** The signed-in judge's scores for one of their entries; replaces earlier ones. */
    public void score(String eventCode, String entry, Map<String, Double> scores) {
        score(access.require(Operation.JUDGING_SCORE), eventCode, entry, scores);
    }

    /** A judge's scores for a judge who is not making a request (the demo data's); the same checks. */
    void score(Caller judge, String eventCode, String entry, Map<String, Double> scores) {
        score(Operation.JUDGING_SCORE.grant(judge), eventCode, entry, scores);
    }

    private void score(Grant grant, String eventCode, String entry, Map<String, Double> scores) {
        String judge = grant.username();
        String judgeSchool = grant.caller().schoolCode();
        Event event = judged(eventCode);
        Object[] student = student(entry);
        String what = "entry " + entry + " among your assignments";
        if (student == null) {
            throw new NotFound(what);
        }
        grant.check(Tenant.assigned(judgesOf(event, (Long) student[0])), what);
        if (student[2].equals(judgeSchool)) {
            throw new Conflict("you are affiliated with " + student[2] + " and may not judge its students");
        }
        Rubric rubric = rubric(event);
        if (rubric.criteria().isEmpty()) {
            throw new Conflict("the event has no rubric yet");
        }
        List<FieldProblem> problems = rubric.problemsWith(scores);
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        Map<String, Long> ids = criterionIds(event);
        Instant now = Instant.now(clock);
        long studentId = (Long) student[0];
        em.createNamedQuery("JudgeScore.deleteEntry")
                .setParameter("event", event.getId())
                .setParameter("judge", judge)
                .setParameter("student", studentId)
                .executeUpdate();
        scores.forEach((criterion, value) ->
                em.persist(new JudgeScore(event.getId(), judge, studentId, ids.get(criterion), value, now)));
        audit.record(AuditAction.UPDATE, "event:" + event.getCode(), null, judge + " scored " + entry);
    }

    /** The signed-in judge's own entries with the scores they gave. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Assignment> assignments(String eventCode) {
        String judge = access.require(Operation.JUDGING_SCORE).username();
        Event event = judged(eventCode);
        List<Long> assigned = em.createNamedQuery("JudgeAssignment.findStudentsByJudge", Long.class)
                .setParameter("event", event.getId())
                .setParameter("judge", judge)
                .getResultList();
        // the student area names the entries; ordered by school code, then number, as refs
        Map<Long, Assignment> byStudent = new LinkedHashMap<>();
        studentRefs.named(assigned).entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Long, StudentRefRows.Named> e) ->
                                e.getValue().ref().schoolCode())
                        .thenComparing(e -> e.getValue().ref().number()))
                .forEach(e -> byStudent.put(
                        e.getKey(),
                        new Assignment(
                                e.getValue().ref().toString(), e.getValue().fullName(), new LinkedHashMap<>())));
        List<Object[]> scores = em.createNamedQuery("JudgeScore.findByJudge", Object[].class)
                .setParameter("event", event.getId())
                .setParameter("judge", judge)
                .getResultList();
        for (Object[] r : scores) {
            Assignment a = byStudent.get(((Number) r[0]).longValue());
            if (a != null) {
                a.scores().put((String) r[1], ((Number) r[2]).doubleValue());
            }
        }
        return List.copyOf(byStudent.values());
    }

    /** The rubric, the consensus and the judges' agreement; it names the entrants, so the read is audited. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Summary summary(String eventCode) {
        access.require(Operation.JUDGING_READ);
        Event event = judged(eventCode);
        Rubric rubric = rubric(event);
        Consensus.Outcome outcome = Consensus.of(totals(event, rubric));
        double alpha = outcome.alpha();
        audit.recordRead(
                AuditAction.VIEW,
                "event:" + event.getCode(),
                outcome.entries().stream()
                        .map(e -> new AuditLog.Subject(
                                "student:" + e.entry(),
                                StudentRef.parse(e.entry()).orElseThrow().schoolCode()))
                        .toList());
        return new Summary(
                rubric.criteria(),
                outcome.entries(),
                outcome.judges(),
                Double.isNaN(alpha) ? null : alpha,
                event.getVersion());
    }

    /**
     * A judged event still being judged (no results published yet), as the evaluator's home shows it:
     * the entries assigned, the (judge, entry) pairs assigned and those scored, the judges, their agreement.
     */
    public record JudgingWork(
            String code,
            String name,
            LocalDate endDate,
            long entries,
            long assigned,
            long scored,
            long judges,
            Double agreement) {}

    /** The judged events that await judging or publishing, latest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JudgingWork> awaitingJudging(int limit) {
        access.require(Operation.JUDGING_READ);
        List<JudgingWork> work = new ArrayList<>();
        for (Event event : events.judgedWithoutResults(limit)) {
            Object[] counts = em.createNamedQuery("JudgeAssignment.countByEvent", Object[].class)
                    .setParameter("event", event.getId())
                    .getSingleResult();
            long scored = em.createNamedQuery("JudgeScore.findScoredPairs", Object[].class)
                    .setParameter("event", event.getId())
                    .getResultList()
                    .size();
            double alpha = Consensus.of(totals(event, rubric(event))).alpha();
            work.add(new JudgingWork(
                    event.getCode(),
                    event.getName(),
                    event.getEndDate(),
                    ((Number) counts[0]).longValue(),
                    ((Number) counts[1]).longValue(),
                    scored,
                    ((Number) counts[2]).longValue(),
                    Double.isNaN(alpha) ? null : alpha));
        }
        return work;
    }

    /** The judges' agreement alone (no student named): for the event page of those who may read the judging. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Double agreement(String eventCode) {
        access.require(Operation.JUDGING_READ);
        Event event = judged(eventCode);
        double alpha = Consensus.of(totals(event, rubric(event))).alpha();
        return Double.isNaN(alpha) ? null : alpha;
    }

    /** A student's standing in one judged event: consensus (z-score), place among the scored entries, judges. */
    public record Evaluation(String event, String name, double consensus, int place, int entries, int judges) {}

    /**
     * Every judged event in which judges scored this student, by date: part of their scouting
     * report, so it is read under {@link Operation#REPORT_READ}, with the student's own school and
     * consent.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Evaluation> evaluationsOf(long studentId, String ref) {
        Grant grant = access.require(Operation.REPORT_READ);
        // the student's own account reads their own (OWN); the report's caller has checked consent per agency
        grant.check(students.tenantById(studentId).orElseThrow(() -> new NotFound("student " + ref)), "student " + ref);
        List<Long> judged = em.createNamedQuery("JudgeScore.findEventsOfStudent", Long.class)
                .setParameter("student", studentId)
                .getResultList();
        List<Evaluation> evaluations = new ArrayList<>();
        for (Event event : events.findAll(judged)) {
            String code = event.getCode();
            Consensus.Outcome outcome = Consensus.of(totals(event, rubric(event)));
            outcome.entries().stream()
                    .filter(e -> e.entry().equals(ref))
                    .findFirst()
                    .ifPresent(e -> evaluations.add(new Evaluation(
                            code,
                            event.getName(),
                            Math.round(e.consensus() * 100) / 100.0,
                            e.place(),
                            outcome.entries().size(),
                            e.judges())));
        }
        return evaluations;
    }

    /** Stores the consensus ranking as the event's results (points: the mean weighted total, 0-100). */
    public ResultPost publish(String eventCode) {
        return publish(access.require(Operation.JUDGING_MANAGE).caller(), eventCode);
    }

    /** The same, for a caller who is not making a request (the demo data's). */
    ResultPost publish(Caller caller, String eventCode) {
        Operation.JUDGING_MANAGE.grant(caller);
        Event event = judged(eventCode);
        Rubric rubric = rubric(event);
        Map<String, Map<String, Double>> totals = totals(event, rubric);
        Consensus.Outcome outcome = Consensus.of(totals);
        if (outcome.entries().isEmpty()) {
            throw new Conflict("no entry has been scored yet");
        }
        List<Standing> standings = new ArrayList<>();
        int row = 1;
        for (Consensus.EntryResult e : outcome.entries()) {
            double mean = totals.values().stream()
                    .filter(m -> m.containsKey(e.entry()))
                    .mapToDouble(m -> m.get(e.entry()))
                    .average()
                    .orElse(0);
            standings.add(new Standing(
                    e.place(), e.entry(), Math.round(mean * 100) / 100.0, List.of(), Map.of(), null, row++));
        }
        return results.store(caller, event, standings, "judged consensus");
    }

    private Map<String, Map<String, Double>> totals(Event event, Rubric rubric) {
        List<Object[]> rows = em.createNamedQuery("JudgeScore.findByEvent", Object[].class)
                .setParameter("event", event.getId())
                .getResultList();
        // the student area names the entries
        Map<Long, StudentRefRows.Named> named =
                studentRefs.named(rows.stream().map(r -> (Long) r[1]).collect(Collectors.toSet()));
        Map<String, Map<String, Map<String, Double>>> scores = new LinkedHashMap<>();
        for (Object[] r : rows) {
            StudentRefRows.Named entry = named.get((Long) r[1]);
            if (entry == null) {
                continue;
            }
            scores.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent(entry.ref().toString(), k -> new LinkedHashMap<>())
                    .put((String) r[2], ((Number) r[3]).doubleValue());
        }
        Map<String, Map<String, Double>> totals = new LinkedHashMap<>();
        scores.forEach((judge, entries) -> entries.forEach((entry, byCriterion) -> {
            if (rubric.problemsWith(byCriterion).isEmpty()) {
                totals.computeIfAbsent(judge, k -> new LinkedHashMap<>()).put(entry, rubric.total(byCriterion));
            }
        }));
        return totals;
    }

    /** An event's rubric, with the event's version. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VersionedRubric rubric(String eventCode) {
        access.require(Operation.JUDGING_READ);
        Event event = judged(eventCode);
        return new VersionedRubric(rubric(event), event.getVersion());
    }

    private Rubric rubric(Event event) {
        return new Rubric(
                criteria(event).stream().map(RubricCriterion::criterion).toList());
    }

    private Map<String, Long> criterionIds(Event event) {
        Map<String, Long> ids = new LinkedHashMap<>();
        criteria(event).forEach(c -> ids.put(c.getName(), c.getId()));
        return ids;
    }

    private List<RubricCriterion> criteria(Event event) {
        return em.createNamedQuery("RubricCriterion.findByEvent", RubricCriterion.class)
                .setParameter("event", event.getId())
                .getResultList();
    }

    /** The judges assigned to an entry: who may score it. */
    private List<String> judgesOf(Event event, long studentId) {
        return em.createNamedQuery("JudgeAssignment.findJudgesByEntry", String.class)
                .setParameter("event", event.getId())
                .setParameter("student", studentId)
                .getResultList();
    }

    /** {id, number, school code} of a student ref, or null (the student area looks it up). */
    private Object[] student(String ref) {
        return student(ref, StudentRef.isRef(ref) ? studentRefs.ids(Set.of(ref)) : Map.of());
    }

    /** {id, number, school code} of a student ref among students looked up already, or null. */
    private static Object[] student(String ref, Map<String, Long> ids) {
        Long id = ref == null ? null : ids.get(ref);
        if (id == null) {
            return null;
        }
        StudentRef parsed = StudentRef.parse(ref).orElseThrow();
        return new Object[] {id, parsed.number(), parsed.schoolCode()};
    }

    private Event judged(String eventCode) {
        Event event = events.find(eventCode);
        if (!event.isJudged()) {
            throw new Conflict("event " + event.getCode() + " is not a judged event");
        }
        return event;
    }
}
