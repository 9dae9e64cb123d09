package org.talentpipeline.competition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.ApiError;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.student.StudentRef;
import org.talentpipeline.student.StudentRefRows;

/**
 * An event's results: read from any of the formats, every competitor matched to a student (by ref)
 * or a team (registered for the event, or defined by the members the file lists), and stored all at
 * once, replacing the event's earlier results. Nothing is stored unless every competitor matches
 * and the file has no problem. Posting asks the policy for {@link Operation#RESULTS_WRITE}, reading
 * a scoreboard for {@link Operation#RESULTS_READ}; a scoreboard names students, so every page of it
 * read is audited, listing them.
 */
@ApplicationScoped
@Transactional
public class ResultService {

    private static final Logger LOG = Logger.getLogger(ResultService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    StudentRefRows studentRefs;

    @Inject
    ResultStore store;

    @Inject
    EventService events;

    @Inject
    AuditLog audit;

    @Inject
    Validator validator;

    @Inject
    jakarta.enterprise.event.Event<ResultsStored> stored;

    @Inject
    jakarta.enterprise.event.Event<SolvesStored> solvesStored;

    @Inject
    Access access;

    /**
     * An erased student's results stay as an anonymous competitor (STUDENT_ERASE): their rows keep
     * their places and points, so that the ratings of everyone they met do not move; the ref the rows
     * were posted under is replaced by the tombstone's.
     */
    public int anonymiseCompetitor(Caller caller, long studentId, String tombstoneRef) {
        Operation.STUDENT_ERASE.grant(caller);
        return em.createNamedQuery("Result.renameCompetitor")
                .setParameter("competitor", tombstoneRef)
                .setParameter("student", studentId)
                .executeUpdate();
    }

    /**
     * The results of a student at an event: their own, or their team's. For the scoring area, which
     * leaves results out of a rating and has asked the policy for its own operation.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> resultsOf(long studentId, String eventCode) {
        return em.createNamedQuery("Result.findIdsOfStudentAtEvent", Long.class)
                .setParameter("event", eventCode)
                .setParameter("student", studentId)
                .getResultList();
    }

    public ResultPost post(String eventCode, ResultFormats.Kind kind, boolean csv, InputStream body)
            throws IOException {
        return post(access.require(Operation.RESULTS_WRITE).caller(), eventCode, kind, csv, body);
    }

    /** Posts results for a caller who is not making a request (the demo data's); the same check. */
    public ResultPost post(Caller caller, String eventCode, ResultFormats.Kind kind, boolean csv, InputStream body)
            throws IOException {
        Operation.RESULTS_WRITE.grant(caller);
        Event event = events.find(eventCode);
        long started = System.nanoTime();
        ResultFormats.Parsed parsed = ResultFormats.read(kind, csv, body);
        if (!parsed.problems().isEmpty()) {
            return new ResultPost(0, parsed.problems(), List.of());
        }
        long read = System.nanoTime();
        ResultPost post =
                store(caller, event, parsed.standings(), kind.name().toLowerCase(Locale.ROOT), parsed.evidence());
        LOG.info(() -> String.format(
                Locale.ROOT,
                "results of %s: %d standings read in %.2f s, matched and stored in %.2f s",
                event.getCode(),
                parsed.standings().size(),
                (read - started) / 1e9,
                (System.nanoTime() - read) / 1e9));
        return post;
    }

    /**
     * Stores an event's standings in place of its earlier results, once every competitor matches;
     * also used for the rankings that judging publishes, on behalf of the caller who publishes them.
     */
    public ResultPost store(Caller caller, Event event, List<Standing> standings, String source) {
        return store(caller, event, standings, source, ResultFormats.Evidence.NONE);
    }

    /**
     * Stores standings as above; when they came with solve evidence, or the event has a team rule,
     * fires {@link SolvesStored} in the same transaction with the evidence and every competitor's
     * members, for the areas that keep it.
     */
    public ResultPost store(
            Caller caller, Event event, List<Standing> standings, String source, ResultFormats.Evidence evidence) {
        Operation.RESULTS_WRITE.grant(caller);
        Matching matching = match(event, standings);
        if (!matching.problems.isEmpty() || !matching.unmatched.isEmpty()) {
            return new ResultPost(0, matching.problems, List.copyOf(matching.unmatched));
        }
        Map<String, List<SolvesStored.Member>> members =
                members(store.replace(event, standings, matching, caller.username(), keepsEvidence(event, evidence)));
        audit.record(
                AuditAction.IMPORT, "event:" + event.getCode(), null, standings.size() + " results (" + source + ")");
        if (keepsEvidence(event, evidence)) {
            solvesStored.fire(new SolvesStored(
                    event.getCode(),
                    caller.username(),
                    event.getTeamRule(),
                    evidence.solves(),
                    evidence.submissions(),
                    evidence.flags(),
                    members));
        }
        stored.fire(new ResultsStored(event.getCode(), caller.username()));
        return new ResultPost(standings.size(), List.of(), List.of());
    }

    /** Results that came with solves, or of an event whose team rule the teams must keep. */
    private static boolean keepsEvidence(Event event, ResultFormats.Evidence evidence) {
        return !evidence.isEmpty() || event.getTeamRule() != TeamRule.OPEN;
    }

    /** Every competitor of the event as stored with its students' refs (the student area names them). */
    private Map<String, List<SolvesStored.Member>> members(Map<String, List<Long>> ids) {
        Map<Long, StudentRefRows.Named> named =
                studentRefs.named(ids.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
        Map<String, List<SolvesStored.Member>> members = new HashMap<>();
        ids.forEach((competitor, students) -> students.forEach(id -> {
            StudentRefRows.Named student = named.get(id);
            if (student != null) {
                members.computeIfAbsent(competitor, k -> new ArrayList<>())
                        .add(new SolvesStored.Member(student.ref().toString(), id));
            }
        }));
        return members;
    }

    /**
     * One page of an event's scoreboard. It names students, so the read is audited: one entry
     * listing the students the page showed, which their schools (and they) find.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ScoreLine> scoreboard(String eventCode, PageRequest page) {
        access.require(Operation.RESULTS_READ);
        Event event = events.find(eventCode);
        List<AuditLog.Subject> shown = new ArrayList<>();
        Page<ScoreLine> board = scoreboard(event, page, shown);
        audit.recordRead(AuditAction.VIEW, "event:" + event.getCode(), shown);
        return board;
    }

    private Page<ScoreLine> scoreboard(Event event, PageRequest page, List<AuditLog.Subject> shown) {
        List<Object[]> rows = em.createNamedQuery("Result.findLinesByEvent", Object[].class)
                .setParameter("event", event)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        Map<Long, StudentRefRows.Named> named = studentRefs.named(
                rows.stream().map(r -> (Long) r[4]).filter(Objects::nonNull).collect(Collectors.toSet()));
        List<ScoreLine> lines = new ArrayList<>();
        Map<Long, Map<String, Double>> categories = new HashMap<>();
        for (Object[] r : rows) {
            Map<String, Double> cats = new TreeMap<>();
            categories.put((Long) r[0], cats);
            lines.add(new ScoreLine((Integer) r[1], (String) r[2], (Double) r[3], cats));
            StudentRefRows.Named student = r[4] == null ? null : named.get((Long) r[4]);
            if (student != null) {
                shown.add(new AuditLog.Subject(
                        "student:" + student.ref(), student.ref().schoolCode()));
            }
        }
        if (!categories.isEmpty()) {
            em.createNamedQuery("ResultCategory.findByResults", Object[].class)
                    .setParameter("results", List.copyOf(categories.keySet()))
                    .getResultList()
                    .forEach(r -> categories.get((Long) r[0]).put((String) r[1], (Double) r[2]));
        }
        long total = em.createNamedQuery("Result.countByEvent", Long.class)
                .setParameter("event", event)
                .getSingleResult();
        return new Page<>(lines, total);
    }

    /** A team of an event with its members' refs. */
    public record TeamView(String name, List<String> members) {}

    /**
     * A team to register: {@code {"name": "Red", "members": ["XDU/2023001", ...]}}. A name that looks
     * like a student ref, and members who are no students of the event, are the service's to refuse.
     */
    public record TeamInput(
            @NotBlank(message = TeamInput.NAME) @Size(max = 200, message = "must be at most 200 characters")
                    String name,
            @NotEmpty(message = "at least one member (a student ref) is required") List<String> members) {

        static final String NAME = "is required, and may not look like a student ref";
    }

    /** Registers a team for an event; a student is in at most one team per event. */
    public TeamView registerTeam(String eventCode, TeamInput input) {
        access.require(Operation.RESULTS_WRITE);
        BadInput.check(validator, input, "name", "is required");
        String name = input.name();
        List<String> members = input.members();
        Event event = events.find(eventCode);
        if (isRef(name.trim())) {
            throw new BadInput("name", "is required, and may not look like a student ref");
        }
        Standing team = new Standing(1, name.trim(), 0, List.copyOf(members), Map.of(), null, 1);
        Matching m = match(event, List.of(team));
        if (m.teams.containsKey(team.competitor())) {
            throw new Conflict("the event has a team called " + team.competitor() + " already");
        }
        List<ApiError.FieldProblem> problems = new ArrayList<>();
        m.problems.forEach(p -> problems.add(new ApiError.FieldProblem("members", p.message())));
        m.unmatched.forEach(u -> problems.add(new ApiError.FieldProblem("members", "no student " + u)));
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        Team registered = new Team(event.getId(), team.competitor());
        em.persist(registered);
        for (String ref : team.members()) {
            em.persist(new TeamMember(registered.getId(), event.getId(), m.students.get(ref)));
        }
        em.flush();
        audit.record(AuditAction.CREATE, "event:" + event.getCode(), null, "team " + team.competitor());
        return new TeamView(team.competitor(), team.members());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TeamView> teams(String eventCode) {
        access.require(Operation.RESULTS_READ);
        Event event = events.find(eventCode);
        Map<Long, List<Long>> membersOf = new HashMap<>();
        em.createNamedQuery("TeamMember.findByEvent", Object[].class)
                .setParameter("event", event.getId())
                .getResultList()
                .forEach(r -> membersOf
                        .computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                        .add((Long) r[1]));
        Map<Long, StudentRefRows.Named> named = studentRefs.named(
                membersOf.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
        Map<String, List<String>> teams = new LinkedHashMap<>();
        List<AuditLog.Subject> shown = new ArrayList<>();
        for (Team t : em.createNamedQuery("Team.findByEvent", Team.class)
                .setParameter("event", event.getId())
                .getResultList()) {
            List<StudentRef> refs = membersOf.getOrDefault(t.getId(), List.of()).stream()
                    .map(named::get)
                    .filter(Objects::nonNull)
                    .map(StudentRefRows.Named::ref)
                    .sorted(Comparator.comparing(StudentRef::schoolCode).thenComparing(StudentRef::number))
                    .toList();
            List<String> members = teams.computeIfAbsent(t.getName(), k -> new ArrayList<>());
            for (StudentRef ref : refs) {
                members.add(ref.toString());
                shown.add(new AuditLog.Subject("student:" + ref, ref.schoolCode()));
            }
        }
        audit.recordRead(AuditAction.VIEW, "event:" + event.getCode(), shown);
        return teams.entrySet().stream()
                .map(e -> new TeamView(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    /** Who each standing is: a student's id, or a team (existing or to define) with its members' ids. */
    static final class Matching {
        final Map<String, Long> students = new HashMap<>();
        final Map<String, Long> teams = new HashMap<>();
        final Map<Long, Long> teamOfStudent = new HashMap<>();
        final List<ResultProblem> problems = new ArrayList<>();
        final Set<String> unmatched = new LinkedHashSet<>();
    }

    static boolean isRef(String competitor) {
        return StudentRef.isRef(competitor);
    }

    private Matching match(Event event, List<Standing> standings) {
        Matching m = new Matching();
        Set<String> refs = new LinkedHashSet<>();
        for (Standing s : standings) {
            if (isRef(s.competitor())) {
                refs.add(s.competitor());
            }
            refs.addAll(s.members());
            refs.addAll(s.memberPoints().keySet());
        }
        m.students.putAll(studentRefs.ids(refs));
        for (Team t : em.createNamedQuery("Team.findByEvent", Team.class)
                .setParameter("event", event.getId())
                .getResultList()) {
            m.teams.put(t.getName(), t.getId());
        }
        em.createNamedQuery("TeamMember.findByEvent", Object[].class)
                .setParameter("event", event.getId())
                .getResultList()
                .forEach(r -> m.teamOfStudent.put((Long) r[1], (Long) r[0]));
        Map<Long, Integer> seenOnRow = new HashMap<>();
        Map<String, Integer> teamOnRow = new HashMap<>();
        for (Standing s : standings) {
            List<String> people = new ArrayList<>();
            if (isRef(s.competitor())) {
                if (!s.members().isEmpty()) {
                    m.problems.add(new ResultProblem(s.row(), "members", s.competitor() + " is a student, not a team"));
                }
                people.add(s.competitor());
            } else {
                Integer earlier = teamOnRow.putIfAbsent(s.competitor(), s.row());
                if (earlier != null) {
                    m.problems.add(
                            new ResultProblem(s.row(), "competitor", s.competitor() + " is already on row " + earlier));
                }
                if (s.members().isEmpty() && !m.teams.containsKey(s.competitor())) {
                    m.unmatched.add(s.competitor());
                }
                people.addAll(s.members());
            }
            Long team = isRef(s.competitor()) ? null : m.teams.get(s.competitor());
            for (String ref : people) {
                Long id = m.students.get(ref);
                if (id == null) {
                    m.unmatched.add(ref);
                    continue;
                }
                Integer earlier = seenOnRow.putIfAbsent(id, s.row());
                if (earlier != null) {
                    m.problems.add(new ResultProblem(s.row(), "competitor", ref + " is already on row " + earlier));
                }
                Long registered = m.teamOfStudent.get(id);
                if (!isRef(s.competitor()) && registered != null && !registered.equals(team)) {
                    m.problems.add(new ResultProblem(s.row(), "members", ref + " is in another team of this event"));
                }
            }
            for (String ref : s.memberPoints().keySet()) {
                Long id = m.students.get(ref);
                if (isRef(s.competitor())
                        ? !ref.equals(s.competitor())
                        : s.members().isEmpty()
                                ? id != null && team != null && !team.equals(m.teamOfStudent.get(id))
                                : !s.members().contains(ref)) {
                    m.problems.add(new ResultProblem(s.row(), "member", ref + " is not a member of " + s.competitor()));
                } else if (id == null && !isRef(s.competitor()) && s.members().isEmpty()) {
                    m.unmatched.add(ref);
                }
            }
            if (isRef(s.competitor())
                    && m.students.containsKey(s.competitor())
                    && m.teamOfStudent.containsKey(m.students.get(s.competitor()))) {
                m.problems.add(
                        new ResultProblem(s.row(), "competitor", s.competitor() + " is in a team of this event"));
            }
        }
        return m;
    }
}
