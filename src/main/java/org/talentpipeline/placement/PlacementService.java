package org.talentpipeline.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Tenant;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.Versions;
import org.talentpipeline.student.StudentRefRows;
import org.talentpipeline.student.StudentService;
import org.talentpipeline.student.StudentView;
import org.talentpipeline.taxonomy.NiceFramework;

/**
 * Agencies, their positions and placements. A recruiter works with their own agency's positions
 * and placements only (PLACEMENT_READ and PLACEMENT_WRITE, OWN_AGENCY: another agency's are 404);
 * ADMIN reads all. A candidate can be shortlisted only while they consent to share. Every read that
 * shows candidates (a board, a placement) is audited; edits carry the version they started from.
 */
@ApplicationScoped
@Transactional
public class PlacementService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    StudentService students;

    @Inject
    StudentRefRows studentRefs;

    @Inject
    NiceFramework nice;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    public record AgencyView(String code, String name) {}

    /** A new agency: its code (the natural key, kept in capitals) and its name. */
    public record AgencyInput(
            @NotNull(message = CODE)
                    @Pattern(regexp = "\\p{javaWhitespace}*[A-Za-z0-9-]{2,16}\\p{javaWhitespace}*", message = CODE)
                    String code,
            @NotBlank(message = NAME) @Size(max = 200, message = NAME) String name) {

        static final String CODE = "must be 2 to 16 letters, digits or dashes";
        static final String NAME = "is required (at most 200 characters)";
    }

    /** A position as written; the work role (a NICE id) and the categories are checked by the service. */
    public record PositionInput(
            @NotBlank(message = TITLE) @Size(max = 200, message = TITLE) String title,
            String workRole,
            List<String> categories,
            @NotNull(message = OPENINGS) @Min(value = 1, message = OPENINGS) @Max(value = 10_000, message = OPENINGS)
                    Integer openings,
            @Size(max = 200, message = "must be at most 200 characters") String location,
            Boolean open) {

        static final String TITLE = "is required (at most 200 characters)";
        static final String OPENINGS = "must be a number from 1 to 10000";
        /** The order problems are reported in: the fields' order. */
        static final List<String> FIELDS = List.of("title", "workRole", "categories", "openings", "location");
    }

    public record PositionView(
            long id,
            String agency,
            String title,
            String workRole,
            List<String> categories,
            int openings,
            String location,
            boolean open,
            long version) {

        static PositionView of(JobPosition p) {
            return new PositionView(
                    p.getId(),
                    p.getAgency().getCode(),
                    p.getTitle(),
                    p.getWorkRole(),
                    p.getCategories(),
                    p.getOpenings(),
                    p.getLocation(),
                    p.isOpen(),
                    p.getVersion());
        }
    }

    public record Move(String stage, Instant at, String actor, String note) {}

    /** A stage move: the stage (checked against the stage machine here) and an optional note. */
    public record StageInput(
            String stage, @Size(max = 1000, message = "must be at most 1000 characters") String note) {}

    public record PlacementView(
            long id,
            long position,
            String student,
            String fullName,
            String school,
            String stage,
            List<Move> history,
            long version) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgencyView> agencies() {
        access.require(Operation.AGENCY_READ);
        return em.createNamedQuery("Agency.findAll", Agency.class)
                .getResultStream()
                .map(a -> new AgencyView(a.getCode(), a.getName()))
                .toList();
    }

    public AgencyView createAgency(AgencyInput input) {
        access.require(Operation.AGENCY_WRITE);
        BadInput.check(validator, input, "body", "an agency is required");
        String key = input.code().strip().toUpperCase(Locale.ROOT);
        String name = input.name().strip();
        if (em.createNamedQuery("Agency.countByCode", Long.class)
                        .setParameter("code", key)
                        .getSingleResult()
                > 0) {
            throw new Conflict("agency " + key + " exists");
        }
        em.persist(new Agency(key, name, Instant.now(clock)));
        audit.record(AuditAction.CREATE, "agency " + key, null, name);
        return new AgencyView(key, name);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PositionView> positions() {
        String agency = access.require(Operation.PLACEMENT_READ).agencyFilter();
        List<JobPosition> positions = agency == null
                ? em.createNamedQuery("JobPosition.findAll", JobPosition.class).getResultList()
                : em.createNamedQuery("JobPosition.findByAgency", JobPosition.class)
                        .setParameter("agency", agency)
                        .getResultList();
        return positions.stream().map(PositionView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PositionView position(long id) {
        return PositionView.of(position(access.require(Operation.PLACEMENT_READ), id));
    }

    /** A new position of the recruiter's agency. */
    public PositionView createPosition(PositionInput input) {
        Grant grant = access.require(Operation.PLACEMENT_WRITE);
        String code = grant.caller().agencyCode();
        Agency agency = em.createNamedQuery("Agency.findByCode", Agency.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new Conflict("you are not a recruiter of an agency"));
        grant.check(Tenant.agency(agency.getCode()), "agency " + code);
        PositionInput in = checked(input);
        JobPosition position = new JobPosition(
                agency, in.title(), in.workRole(), in.categories(), in.openings(), in.location(), Instant.now(clock));
        em.persist(position);
        em.flush();
        audit.record(AuditAction.CREATE, "position " + position.getId(), null, agency.getCode() + ": " + in.title());
        return PositionView.of(position);
    }

    /**
     * Changes a position that is still at {@code expectedVersion}, the version the edit started from.
     *
     * @throws org.talentpipeline.platform.StaleVersion when someone changed it since (412)
     */
    public PositionView updatePosition(long id, long expectedVersion, PositionInput input) {
        JobPosition position = position(access.require(Operation.PLACEMENT_WRITE), id);
        PositionInput in = checked(input);
        Versions.check(expectedVersion, position.getVersion(), "position " + id);
        position.change(
                in.title(),
                in.workRole(),
                in.categories(),
                in.openings(),
                in.location(),
                in.open() == null || in.open());
        audit.record(AuditAction.UPDATE, "position " + id, null, in.title());
        // the new version, for the answer's ETag
        em.flush();
        return PositionView.of(position);
    }

    private PositionInput checked(PositionInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input == null) {
            throw new BadInput("body", "is required");
        }
        // one problem a field (a title of 300 blanks breaks two constraints)
        Map<String, FieldProblem> declared = new LinkedHashMap<>();
        validator.validate(input).stream().map(FieldProblem::of).forEach(p -> declared.putIfAbsent(p.field(), p));
        problems.addAll(declared.values());
        String role = input.workRole() == null || input.workRole().isBlank()
                ? null
                : input.workRole().strip();
        if (role != null && nice.workRole(role).isEmpty()) {
            problems.add(new FieldProblem("workRole", "is not a NICE Framework work role id (for example OG-WRL-001)"));
        }
        List<String> categories = input.categories() == null
                ? List.of()
                : input.categories().stream()
                        .filter(c -> c != null && !c.isBlank())
                        .map(c -> c.strip().toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList();
        if (categories.stream().anyMatch(c -> c.length() > 60 || c.contains(","))) {
            problems.add(
                    new FieldProblem("categories", "each is a category name of at most 60 characters, without commas"));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(p -> PositionInput.FIELDS.indexOf(p.field())));
            throw new BadInput(problems);
        }
        return new PositionInput(
                input.title().strip(),
                role,
                categories,
                input.openings(),
                input.location() == null ? null : input.location().strip(),
                input.open());
    }

    /** Shortlists a consenting candidate for one of the recruiter's open positions. */
    public PlacementView shortlist(long positionId, String studentRef, String note) {
        Grant grant = access.require(Operation.PLACEMENT_WRITE);
        JobPosition position = position(grant, positionId);
        StudentView student = students.shared(studentRef);
        if (em.createNamedQuery("Placement.countByPositionAndStudent", Long.class)
                        .setParameter("position", positionId)
                        .setParameter("student", student.id())
                        .getSingleResult()
                > 0) {
            throw new Conflict(student.ref() + " is already a candidate for position " + positionId);
        }
        Placement placement = new Placement(position, student.id(), grant.username(), note, Instant.now(clock));
        em.persist(placement);
        em.flush();
        audit.record(
                AuditAction.CREATE, subject(student), student.schoolCode(), "shortlisted for position " + positionId);
        return view(placement, student);
    }

    /**
     * Moves a placement on; an illegal move is a Conflict (409). With {@code expectedVersion} (the
     * version the board or client saw) a move is refused when the placement changed since, even
     * when the stage machine would allow it from where it stands now; without it, the stage machine
     * alone decides.
     *
     * @throws org.talentpipeline.platform.StaleVersion when the placement is no longer at that version (412)
     */
    public PlacementView move(long placementId, Long expectedVersion, StageInput input) {
        Grant grant = access.require(Operation.PLACEMENT_WRITE);
        // another agency's placement is not found, whatever the input
        Placement placement = placement(grant, placementId);
        BadInput.check(validator, input, "stage", "is required");
        String stage = input.stage();
        String note = input.note();
        if (expectedVersion != null) {
            Versions.check(expectedVersion, placement.getVersion(), "placement " + placementId);
        }
        Stage next;
        try {
            next = Stage.valueOf(stage == null ? "" : stage.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInput("stage", "must be one of " + Arrays.toString(Stage.values()));
        }
        placement.moveTo(next, grant.username(), note, Instant.now(clock));
        // the new version, for the answer
        em.flush();
        StudentView student = candidate(placement.getStudentId());
        audit.record(
                AuditAction.UPDATE,
                subject(student),
                student.schoolCode(),
                "placement " + placementId + " moved to " + next);
        return view(placement, student);
    }

    /** One placement, its candidate's view audited. */
    public PlacementView placement(long id) {
        Placement placement = placement(access.require(Operation.PLACEMENT_READ), id);
        StudentView student = candidate(placement.getStudentId());
        audit.record(AuditAction.VIEW, subject(student), student.schoolCode(), "placement " + id);
        return view(placement, student);
    }

    /** A position's candidates by stage, in stage order; the view is one audit entry listing them. */
    public Map<Stage, List<PlacementView>> board(long positionId) {
        position(access.require(Operation.PLACEMENT_READ), positionId);
        Map<Stage, List<PlacementView>> board = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            board.put(s, new ArrayList<>());
        }
        for (Placement p : em.createNamedQuery("Placement.findByPosition", Placement.class)
                .setParameter("position", positionId)
                .getResultList()) {
            board.get(p.getStage()).add(view(p, candidate(p.getStudentId())));
        }
        audit.recordRead(
                AuditAction.VIEW,
                "board:position " + positionId,
                board.values().stream()
                        .flatMap(List::stream)
                        .map(p -> new AuditLog.Subject("student:" + p.student(), p.school()))
                        .toList());
        return board;
    }

    /** One placement of a student, as their data export lists it: the agency, the position, the stages. */
    public record StudentPlacement(String agency, String position, String stage, List<Move> history) {}

    /**
     * A student's placements, for the export of their data (the privacy area's, which has resolved the
     * student under OWN_RECORD for the student themselves, or STUDENT_EXPORT for their school).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StudentPlacement> ofStudent(long studentId) {
        if (!access.may(Operation.OWN_RECORD)) {
            access.require(Operation.STUDENT_EXPORT);
        }
        return em
                .createQuery("select p from Placement p where p.studentId = :student order by p.id", Placement.class)
                .setParameter("student", studentId)
                .getResultList()
                .stream()
                .map(p -> new StudentPlacement(
                        p.getPosition().getAgency().getCode(),
                        p.getPosition().getTitle(),
                        p.getStage().name(),
                        p.getHistory().stream()
                                .map(h -> new Move(h.getStage().name(), h.getChangedAt(), h.getActor(), h.getNote()))
                                .toList()))
                .toList();
    }

    /** An erased student leaves every board (STUDENT_ERASE): their placements and stage history go. */
    public int removeStudent(Caller caller, long studentId) {
        Operation.STUDENT_ERASE.grant(caller);
        List<Placement> placed = em.createQuery(
                        "select p from Placement p where p.studentId = :student", Placement.class)
                .setParameter("student", studentId)
                .getResultList();
        placed.forEach(em::remove);
        return placed.size();
    }

    /** A position with how many of its placements stand at each stage now. */
    public record PositionPipeline(long id, String title, boolean open, int openings, Map<String, Long> stages) {}

    /** The caller's agency's positions (ADMIN: every agency's), each with its placements by stage. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PositionPipeline> pipelines() {
        String agency = access.require(Operation.PLACEMENT_READ).agencyFilter();
        List<JobPosition> positions = agency == null
                ? em.createNamedQuery("JobPosition.findAll", JobPosition.class).getResultList()
                : em.createNamedQuery("JobPosition.findByAgency", JobPosition.class)
                        .setParameter("agency", agency)
                        .getResultList();
        Map<Long, Map<String, Long>> stages = new LinkedHashMap<>();
        var counts = em.createQuery(
                "select p.position.id, p.stage, count(p) from Placement p"
                        + (agency == null ? "" : " where p.position.agency.code = :agency")
                        + " group by p.position.id, p.stage",
                Object[].class);
        if (agency != null) {
            counts.setParameter("agency", agency);
        }
        for (Object[] row : counts.getResultList()) {
            stages.computeIfAbsent((Long) row[0], k -> new LinkedHashMap<>())
                    .put(((Stage) row[1]).name(), (Long) row[2]);
        }
        return positions.stream()
                .map(p -> {
                    Map<String, Long> byStage = new LinkedHashMap<>();
                    for (Stage s : Stage.values()) {
                        byStage.put(
                                s.name(),
                                stages.getOrDefault(p.getId(), Map.of()).getOrDefault(s.name(), 0L));
                    }
                    return new PositionPipeline(p.getId(), p.getTitle(), p.isOpen(), p.getOpenings(), byStage);
                })
                .toList();
    }

    /** A stage change as the recruiter's home lists it. */
    public record RecentMove(
            long position,
            String positionTitle,
            String student,
            String fullName,
            String stage,
            Instant at,
            String actor) {}

    /**
     * The latest stage changes in the caller's agency, newest first, of students the caller may still
     * see (a withdrawn consent hides the student); the read names students, so it is audited.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<RecentMove> recentMoves(int limit) {
        String agency = access.require(Operation.PLACEMENT_READ).agencyFilter();
        var query = em.createQuery(
                "select c, p from StageChange c join c.placement p"
                        + (agency == null ? "" : " where p.position.agency.code = :agency")
                        + " order by c.changedAt desc, c.id desc",
                Object[].class);
        if (agency != null) {
            query.setParameter("agency", agency);
        }
        List<RecentMove> moves = new ArrayList<>();
        List<AuditLog.Subject> seen = new ArrayList<>();
        for (Object[] row : query.setMaxResults(limit * 2).getResultList()) {
            if (moves.size() == limit) {
                break;
            }
            StageChange c = (StageChange) row[0];
            Placement p = (Placement) row[1];
            StudentView student;
            try {
                student = candidate(p.getStudentId());
            } catch (NotFound hidden) {
                continue;
            }
            moves.add(new RecentMove(
                    p.getPosition().getId(),
                    p.getPosition().getTitle(),
                    student.ref(),
                    student.fullName(),
                    c.getStage().name(),
                    c.getChangedAt(),
                    c.getActor()));
            seen.add(new AuditLog.Subject(subject(student), student.schoolCode()));
        }
        audit.recordRead(AuditAction.VIEW, "recent moves", seen);
        return moves;
    }

    /**
     * The students with a placement still open (not placed, declined or withdrawn): for the privacy
     * area's retention policy, which keeps their records and has checked its own operation.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Long> studentsInOpenPlacements() {
        return Set.copyOf(em.createQuery(
                        "select distinct p.studentId from Placement p where p.stage not in :closed", Long.class)
                .setParameter(
                        "closed",
                        Arrays.stream(Stage.values()).filter(s -> !s.isOpen()).toList())
                .getResultList());
    }

    /** The pipeline's numbers for the caller's agency (ADMIN: every agency). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PipelineNumbers numbers() {
        String agency = access.require(Operation.PLACEMENT_READ).agencyFilter();
        String ofAgency = agency == null ? "" : " and p.position.agency.code = :agency";
        Map<String, Long> funnel = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            funnel.put(s.name(), 0L);
        }
        // a placement counts at every stage it reached
        for (Object[] row : rows(
                "select c.stage, count(distinct p.id) from Placement p join p.history c"
                        + (agency == null ? "" : " where p.position.agency.code = :agency") + " group by c.stage",
                agency,
                null)) {
            funnel.put(((Stage) row[0]).name(), (Long) row[1]);
        }
        // the placed students' schools, as the student area names them
        var placedStudents = em.createQuery(
                        "select p.studentId from Placement p where p.stage = :placed" + ofAgency, Long.class)
                .setParameter("placed", Stage.PLACED);
        if (agency != null) {
            placedStudents.setParameter("agency", agency);
        }
        List<Long> placed = placedStudents.getResultList();
        Map<Long, StudentRefRows.Named> named = studentRefs.named(placed);
        Map<String, Long> counted = new HashMap<>();
        for (long id : placed) {
            StudentRefRows.Named student = named.get(id);
            if (student != null) {
                counted.merge(student.ref().schoolCode(), 1L, Long::sum);
            }
        }
        Map<String, Long> bySchool = new LinkedHashMap<>();
        counted.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> bySchool.put(e.getKey(), e.getValue()));
        Map<String, Long> byRole = byRole(rows(
                "select p.position.workRole, count(p) from Placement p where p.stage = :placed" + ofAgency
                        + " group by p.position.workRole",
                agency,
                Stage.PLACED));
        List<Double> days = new ArrayList<>();
        for (Object[] row : rows(
                "select p.createdAt, c.changedAt from Placement p join p.history c where c.stage = :placed" + ofAgency,
                agency,
                Stage.PLACED)) {
            days.add(Duration.between((Instant) row[0], (Instant) row[1]).toHours() / 24.0);
        }
        Double meanDays = days.isEmpty()
                ? null
                : Math.round(days.stream().mapToDouble(d -> d).average().orElse(0) * 10) / 10.0;
        return new PipelineNumbers(funnel, bySchool, byRole, meanDays, days.size());
    }

    /**
     * A school's students in the agencies' pipelines, counted (no student or agency named): the
     * placements that reached each stage, and those placed by work role. {@link Operation#SCHOOL_FIGURES}:
     * a school administrator reaches their own school only, another is not found.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SchoolPlacements schoolPlacements(String school) {
        Grant grant = access.require(Operation.SCHOOL_FIGURES);
        String code = school == null ? "" : school.strip();
        if (grant.schoolFilter() != null && !grant.schoolFilter().equalsIgnoreCase(code)) {
            throw new NotFound("school " + code);
        }
        // the school's students among those in a pipeline, as the student area names them
        List<Long> candidates = em.createQuery("select distinct p.studentId from Placement p", Long.class)
                .getResultList();
        List<Long> ofSchool = studentRefs.named(candidates).entrySet().stream()
                .filter(e -> e.getValue().ref().schoolCode().equals(code))
                .map(Map.Entry::getKey)
                .toList();
        Map<String, Long> funnel = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            funnel.put(s.name(), 0L);
        }
        List<Object[]> roles = new ArrayList<>();
        for (int from = 0; from < ofSchool.size(); from += CHUNK) {
            List<Long> chunk = ofSchool.subList(from, Math.min(ofSchool.size(), from + CHUNK));
            em.createQuery(
                            "select c.stage, count(distinct p.id) from Placement p join p.history c"
                                    + " where p.studentId in :students group by c.stage",
                            Object[].class)
                    .setParameter("students", chunk)
                    .getResultList()
                    .forEach(row -> funnel.merge(((Stage) row[0]).name(), (Long) row[1], Long::sum));
            roles.addAll(em.createQuery(
                            "select p.position.workRole, count(p) from Placement p where p.stage = :placed"
                                    + " and p.studentId in :students group by p.position.workRole",
                            Object[].class)
                    .setParameter("placed", Stage.PLACED)
                    .setParameter("students", chunk)
                    .getResultList());
        }
        return new SchoolPlacements(code, funnel, byRole(roles));
    }

    /** Ids per query of a school's students: well under the bind parameters a statement may hold. */
    private static final int CHUNK = 1_000;

    /** Placements by work role ('-': none named), most first, then by role. */
    private static Map<String, Long> byRole(List<Object[]> rows) {
        Map<String, Long> counted = new HashMap<>();
        rows.forEach(row -> counted.merge(row[0] == null ? "-" : (String) row[0], (Long) row[1], Long::sum));
        Map<String, Long> byRole = new LinkedHashMap<>();
        counted.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> byRole.put(e.getKey(), e.getValue()));
        return byRole;
    }

    /** A school's placements at every stage they reached, and those placed by work role ('-': none named). */
    public record SchoolPlacements(String school, Map<String, Long> funnel, Map<String, Long> placedByWorkRole) {}

    /** Placements reached at each stage, placed by school and by work role, days from shortlist to placed. */
    public record PipelineNumbers(
            Map<String, Long> funnel,
            Map<String, Long> placedBySchool,
            Map<String, Long> placedByWorkRole,
            Double meanDaysToPlacement,
            int placed) {}

    /** A JPQL query's rows, with the agency (if any) and the stage (if any) it names. */
    private List<Object[]> rows(String jpql, String agency, Stage stage) {
        var query = em.createQuery(jpql, Object[].class);
        if (agency != null) {
            query.setParameter("agency", agency);
        }
        if (stage != null) {
            query.setParameter("placed", stage);
        }
        return query.getResultList();
    }

    /** A candidate as the recruiter may see them; one who withdrew consent keeps only their ref. */
    private StudentView candidate(long studentId) {
        return students.sharedById(studentId);
    }

    private static String subject(StudentView student) {
        return "student:" + student.ref();
    }

    private PlacementView view(Placement p, StudentView student) {
        return new PlacementView(
                p.getId(),
                p.getPosition().getId(),
                student.ref(),
                student.fullName(),
                student.schoolCode(),
                p.getStage().name(),
                p.getHistory().stream()
                        .map(h -> new Move(h.getStage().name(), h.getChangedAt(), h.getActor(), h.getNote()))
                        .toList(),
                p.getVersion());
    }

    /** A position is its agency's: the tenant the grant decides on. */
    private JobPosition position(Grant grant, long id) {
        JobPosition position = em.find(JobPosition.class, id);
        String what = "position " + id;
        if (position == null) {
            throw new NotFound(what);
        }
        grant.check(Tenant.agency(position.getAgency().getCode()), what);
        return position;
    }

    /** A placement is its position's agency's. */
    private Placement placement(Grant grant, long id) {
        Placement placement = em.find(Placement.class, id);
        String what = "placement " + id;
        if (placement == null) {
            throw new NotFound(what);
        }
        grant.check(Tenant.agency(placement.getPosition().getAgency().getCode()), what);
        return placement;
    }
}
