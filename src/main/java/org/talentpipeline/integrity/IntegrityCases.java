package org.talentpipeline.integrity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.competition.Event;
import org.talentpipeline.competition.EventService;
import org.talentpipeline.competition.SolvesStored;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Scope;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.scoring.ResultExclusions;
import org.talentpipeline.student.StudentService;
import org.talentpipeline.student.StudentView;

/**
 * Integrity cases: opened by the checks ({@link Detectors}) on an event's solve evidence, listed for
 * an evaluator with the evidence (INTEGRITY_READ), decided with a reason (INTEGRITY_DECIDE): cleared,
 * excluded (the named students' results leave the ratings, through a full recompute) or disqualified
 * (the whole entries of the named). The students concerned, and their school, read the decisions
 * (INTEGRITY_DECISIONS) and may appeal them as any automated score (the privacy area's appeal, subject
 * INTEGRITY_DECISION). Every opening and every decision is audited, for the event and for each student.
 */
@ApplicationScoped
@Transactional
public class IntegrityCases {

    /** The actor the audit log names for cases the checks open. */
    static final String CHECKS = "integrity-checks";
    /** The evidence kept per case, in characters of JSON. */
    static final int MAX_EVIDENCE = 20_000;

    static final int MAX_REASON = 1000;

    /** A decision as written: the outcome (CLEARED, EXCLUDED or DISQUALIFIED, checked here) and its reason. */
    public record DecisionInput(
            String outcome, @NotBlank(message = REASON) @Size(max = MAX_REASON, message = REASON) String reason) {

        static final String REASON = "is required, at most " + MAX_REASON + " characters";
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Validator validator;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    EventService events;

    @Inject
    StudentService students;

    @Inject
    ResultExclusions exclusions;

    Detectors detectors = Detectors.DEFAULT;

    /** A case as the evaluator's list and the API show it. */
    public record CaseView(
            long id,
            String pattern,
            List<String> competitors,
            double statistic,
            @JsonbNillable Double pValue,
            JsonObject evidence,
            String state) {}

    /** A decided case as the students concerned and their school read it: only their own students named. */
    public record DecisionView(
            long id,
            String event,
            String pattern,
            List<String> students,
            String outcome,
            String reason,
            Instant decidedAt) {}

    /**
     * Runs the checks on an event's evidence just stored and opens a case for each finding. Open cases
     * of the event's earlier evidence are replaced; a finding the evaluator has decided already (the
     * same pattern about the same competitors) is not opened again. Work of the system, not of a
     * caller: the results it reads were posted under RESULTS_WRITE.
     */
    public List<Long> open(SolvesStored stored) {
        Evidence evidence = Evidence.of(stored);
        List<Finding> findings = detectors.run(evidence);
        List<IntegrityCase> existing = em.createNamedQuery("IntegrityCase.findByEvent", IntegrityCase.class)
                .setParameter("event", evidence.eventCode())
                .getResultList();
        Set<String> decided = new HashSet<>();
        for (IntegrityCase c : existing) {
            if (c.getState() == IntegrityCase.State.OPEN) {
                em.remove(c);
            } else {
                decided.add(c.getPattern() + ":"
                        + String.join("|", competitors(c).stream().sorted().toList()));
            }
        }
        em.flush();
        List<Long> opened = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (Finding f : findings) {
            if (decided.contains(f.key())) {
                continue;
            }
            IntegrityCase c = new IntegrityCase(
                    evidence.eventCode(),
                    f.pattern(),
                    Json.createArrayBuilder(f.competitors()).build().toString(),
                    f.statistic(),
                    f.pValue(),
                    evidenceJson(f.evidence()),
                    concerned(evidence, f),
                    now);
            em.persist(c);
            em.flush();
            opened.add(c.getId());
            String detail = "integrity case " + c.getId() + " opened: " + f.pattern() + " "
                    + String.join(", ", f.competitors());
            audit.record(CHECKS, AuditAction.CREATE, "event:" + evidence.eventCode(), null, detail, null);
            for (IntegrityCase.Concerned s : c.getStudents()) {
                audit.record(CHECKS, AuditAction.CREATE, "student:" + s.ref(), s.schoolCode(), detail, null);
            }
        }
        return opened;
    }

    /** Whom a finding concerns: the students it names (all of a named team), and their team-mates. */
    private static List<IntegrityCase.Concerned> concerned(Evidence evidence, Finding f) {
        Map<Long, IntegrityCase.Concerned> concerned = new LinkedHashMap<>();
        for (String actor : f.competitors()) {
            for (SolvesStored.Member m : evidence.students(actor)) {
                concerned.put(m.studentId(), new IntegrityCase.Concerned(m.studentId(), m.ref(), m.schoolCode(), true));
            }
        }
        for (String actor : f.competitors()) {
            for (SolvesStored.Member m : evidence.members().getOrDefault(evidence.competitorOf(actor), List.of())) {
                concerned.putIfAbsent(
                        m.studentId(), new IntegrityCase.Concerned(m.studentId(), m.ref(), m.schoolCode(), false));
            }
        }
        return List.copyOf(concerned.values());
    }

    /** The evidence as JSON, its longest lists cut short (and said to be) when it would not fit. */
    static String evidenceJson(Map<String, Object> evidence) {
        String json = Json.createObjectBuilder(evidence).build().toString();
        for (int keep = 100; json.length() > MAX_EVIDENCE && keep > 0; keep /= 2) {
            Map<String, Object> shorter = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : evidence.entrySet()) {
                if (e.getValue() instanceof List<?> list && list.size() > keep) {
                    shorter.put(e.getKey(), list.subList(0, keep));
                    shorter.put(e.getKey() + "Omitted", list.size() - keep);
                } else {
                    shorter.put(e.getKey(), e.getValue());
                }
            }
            json = Json.createObjectBuilder(shorter).build().toString();
        }
        return json;
    }

    /** An event's cases, open ones first, for an evaluator; the read names students, so it is audited. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseView> cases(String eventCode) {
        access.require(Operation.INTEGRITY_READ);
        Event event = events.find(eventCode);
        List<IntegrityCase> cases = em.createNamedQuery("IntegrityCase.findByEvent", IntegrityCase.class)
                .setParameter("event", event.getCode())
                .getResultList();
        List<AuditLog.Subject> shown = new ArrayList<>();
        cases.forEach(c ->
                c.getStudents().forEach(s -> shown.add(new AuditLog.Subject("student:" + s.ref(), s.schoolCode()))));
        audit.recordRead(AuditAction.VIEW, "integrity:" + event.getCode(), shown);
        return cases.stream().map(IntegrityCases::view).toList();
    }

    /**
     * Decides a case with a reason: CLEARED, EXCLUDED or DISQUALIFIED. An exclusion or a
     * disqualification leaves the results out of the ratings, and queues the recompute that applies it.
     */
    public CaseView decide(long id, DecisionInput input) {
        Grant grant = access.require(Operation.INTEGRITY_DECIDE);
        if (input == null) {
            throw new BadInput("body", "a decision {\"outcome\",\"reason\"} is required");
        }
        IntegrityCase c = em.find(IntegrityCase.class, id);
        if (c == null) {
            throw new NotFound("integrity case " + id);
        }
        List<FieldProblem> problems = new ArrayList<>();
        IntegrityCase.State state = outcome(input.outcome());
        if (state == null) {
            problems.add(new FieldProblem("outcome", "is required: CLEARED, EXCLUDED or DISQUALIFIED"));
        }
        problems.addAll(BadInput.problems(validator, input));
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        String reason = input.reason();
        c.decide(state, grant.username(), reason.strip(), Instant.now(clock));
        List<Long> excluded = c.excludedStudents();
        if (!excluded.isEmpty()) {
            exclusions.excludeByIntegrityDecision(
                    excluded,
                    c.getEventCode(),
                    "integrity case " + c.getId() + " (" + state.name().toLowerCase(Locale.ROOT) + "): "
                            + reason.strip());
        }
        String detail = "integrity case " + c.getId() + " " + state + ": " + reason.strip();
        audit.record(AuditAction.UPDATE, "event:" + c.getEventCode(), null, detail);
        for (IntegrityCase.Concerned s : c.getStudents()) {
            audit.record(AuditAction.UPDATE, "student:" + s.ref(), s.schoolCode(), detail);
        }
        return view(c);
    }

    private static IntegrityCase.State outcome(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "CLEARED" -> IntegrityCase.State.CLEARED;
            case "EXCLUDED" -> IntegrityCase.State.EXCLUDED;
            case "DISQUALIFIED" -> IntegrityCase.State.DISQUALIFIED;
            default -> null;
        };
    }

    /**
     * The decided cases the caller may read: a student's own, a school admin's students', an ADMIN's
     * all. Each names only the students of the caller's reach: a student never learns who else a
     * case was about.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DecisionView> decisions() {
        Grant grant = access.require(Operation.INTEGRITY_DECISIONS);
        List<IntegrityCase> cases;
        Predicate<IntegrityCase.Concerned> shown;
        if (grant.reachesAll()) {
            cases = em.createNamedQuery("IntegrityCase.findDecided", IntegrityCase.class)
                    .setParameter("open", IntegrityCase.State.OPEN)
                    .setMaxResults(500)
                    .getResultList();
            shown = s -> true;
        } else if (grant.has(Scope.OWN_SCHOOL)) {
            String school = grant.caller().schoolCode();
            cases = em.createNamedQuery("IntegrityCase.findDecidedBySchool", IntegrityCase.class)
                    .setParameter("school", school)
                    .setParameter("open", IntegrityCase.State.OPEN)
                    .getResultList();
            shown = s -> school.equals(s.schoolCode());
        } else {
            StudentView me = students.ownView(Operation.INTEGRITY_DECISIONS);
            cases = em.createNamedQuery("IntegrityCase.findByStudent", IntegrityCase.class)
                    .setParameter("student", me.id())
                    .setParameter("open", IntegrityCase.State.OPEN)
                    .getResultList();
            shown = s -> s.studentId() == me.id();
        }
        return cases.stream()
                .map(c -> new DecisionView(
                        c.getId(),
                        c.getEventCode(),
                        c.getPattern().name(),
                        c.getStudents().stream()
                                .filter(shown)
                                .map(IntegrityCase.Concerned::ref)
                                .distinct()
                                .toList(),
                        c.getState().name(),
                        c.getReason(),
                        c.getDecidedAt()))
                .toList();
    }

    static CaseView view(IntegrityCase c) {
        return new CaseView(
                c.getId(),
                c.getPattern().name(),
                competitors(c),
                c.getStatistic(),
                c.getPValue(),
                parse(c.getEvidence()),
                c.getState().name());
    }

    private static List<String> competitors(IntegrityCase c) {
        try (JsonReader r = Json.createReader(new StringReader(c.getCompetitors()))) {
            return r.readArray().getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList();
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
