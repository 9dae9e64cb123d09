package org.talentpipeline.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Organisations;
import org.talentpipeline.identity.Tenant;
import org.talentpipeline.platform.ApiError;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.platform.StaleVersion;
import org.talentpipeline.platform.Versions;

/**
 * Schools and their programmes, under the access policy ({@link Operation#SCHOOL_READ},
 * {@link Operation#SCHOOL_WRITE}, {@link Operation#PROGRAM_WRITE}): anyone signed in reads them;
 * ADMIN creates and edits schools; a school's own SCHOOL_ADMIN (and ADMIN) adds its programmes.
 */
@ApplicationScoped
@Transactional
public class SchoolService {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<SchoolMoved> moved;

    @Inject
    Event<ApprovalsChanged> approvalsChanged;

    @Inject
    Access access;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    @Inject
    Instance<Organisations> organisations;

    /** The agencies a school approves, with the school's version (its ETag). */
    public record ApprovedAgencies(List<String> agencies, int version) {}

    /** The agencies a school lets see its students (AGENCY_APPROVAL: ADMIN, the school's own admin). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ApprovedAgencies approvedAgencies(String code) {
        Grant grant = access.require(Operation.AGENCY_APPROVAL);
        School school = approving(grant, code);
        return new ApprovedAgencies(school.getApprovedAgencies(), school.getVersion());
    }

    /**
     * Sets the agencies a school approves, from the version {@code expectedVersion} of the school.
     * An agency left out stops seeing the school's students at once, whatever they consented to: the
     * search, reports, exports and boards ask the school's approval on every read.
     */
    public ApprovedAgencies approveAgencies(String code, long expectedVersion, List<String> agencies) {
        Grant grant = access.require(Operation.AGENCY_APPROVAL);
        School school = approving(grant, code);
        if (agencies == null) {
            throw new BadInput("agencies", "is required: a JSON list of agency codes");
        }
        Versions.check(expectedVersion, school.getVersion(), "school " + school.getCode());
        Set<String> codes = new TreeSet<>();
        List<ApiError.FieldProblem> problems = new ArrayList<>();
        for (String agency : agencies) {
            String c = agency == null ? "" : agency.trim().toUpperCase(Locale.ROOT);
            if (!agencyExists(c)) {
                problems.add(new ApiError.FieldProblem("agencies", "no agency has the code " + agency));
            }
            codes.add(c);
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        school.approveAgencies(codes);
        try {
            em.lock(school, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            em.flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersion("school " + school.getCode());
        }
        audit.record(AuditAction.UPDATE, "school:" + school.getCode(), school.getCode(), "approved agencies " + codes);
        approvalsChanged.fire(new ApprovalsChanged(school.getCode()));
        return new ApprovedAgencies(school.getApprovedAgencies(), school.getVersion());
    }

    /** Every agency's code, for the choice of approved agencies (AGENCY_APPROVAL); an agency's code is not personal data. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<String> agencyCodes() {
        access.require(Operation.AGENCY_APPROVAL);
        return em.createNativeQuery("select code from agency order by code").getResultList();
    }

    private School approving(Grant grant, String code) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        grant.check(Tenant.school(c), "school " + c);
        return find(c);
    }

    private boolean agencyExists(String code) {
        for (Organisations o : organisations) {
            if (o.kind() == Organisations.Kind.AGENCY) {
                return o.exists(code);
            }
        }
        return false;
    }

    /**
     * Every school's code, name and region, by name then code, for other areas' pick-lists: public
     * facts, so the caller's own operation is the check (the candidate search's, say).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SchoolListing> listing() {
        return em.createQuery(
                        "select new org.talentpipeline.school.SchoolListing(s.code, s.name, s.region) from School s"
                                + " order by s.name, s.code",
                        SchoolListing.class)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SchoolView> list(PageRequest page) {
        access.require(Operation.SCHOOL_READ);
        List<School> schools = em.createNamedQuery("School.all", School.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        long total = em.createQuery("select count(s) from School s", Long.class).getSingleResult();
        Map<Long, List<SchoolView.ProgramView>> programs = programsOf(schools);
        return new Page<>(
                schools.stream()
                        .map(s -> view(s, programs.getOrDefault(s.getId(), List.of())))
                        .toList(),
                total);
    }

    /** The regions the schools are in, in order: what the school forms suggest. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> regions() {
        access.require(Operation.SCHOOL_READ);
        return em.createNamedQuery("School.regions", String.class).getResultList();
    }

    /** The regions that hold the text typed (any case), for a form's suggestions. */
    public List<String> regionsLike(String text) {
        String typed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return regions().stream()
                .filter(r -> r.toLowerCase(Locale.ROOT).contains(typed))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SchoolView get(String code) {
        access.require(Operation.SCHOOL_READ);
        School school = find(code);
        return view(school, programsOf(List.of(school)).getOrDefault(school.getId(), List.of()));
    }

    /**
     * The ids of a school's programmes by name in lower case, for a students file that names them
     * (the student import); no check of the caller, who has been checked for the import. In a
     * transaction, as {@link #find}: the import calls it from a managed thread.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Map<String, Long> programIds(String code) {
        return em.createNamedQuery("Program.ofSchool", Program.class)
                .setParameter("code", code == null ? "" : code.toUpperCase(Locale.ROOT))
                .getResultStream()
                .collect(Collectors.toMap(p -> p.getName().toLowerCase(Locale.ROOT), Program::getId, (a, b) -> a));
    }

    /**
     * The school entity by code, for services (this area's and others') that have checked their own
     * operation on it; 404 when there is none. A school's name and place are not personal data.
     * Always in a transaction: a background import calls it from a managed thread, where Payara's
     * entity manager outside a transaction was seen closed under the query.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public School find(String code) {
        return em.createNamedQuery("School.findByCode", School.class)
                .setParameter("code", code == null ? "" : code.toUpperCase(Locale.ROOT))
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound("school " + code));
    }

    public SchoolView create(@NotNull @Valid SchoolInput input) {
        access.require(Operation.SCHOOL_WRITE);
        String code = input.code().toUpperCase(Locale.ROOT);
        if (em.createNamedQuery("School.countByCode", Long.class)
                        .setParameter("code", code)
                        .getSingleResult()
                > 0) {
            throw new BadInput("code", "a school with the code " + code + " exists already");
        }
        School school = new School(
                code,
                input.name().trim(),
                School.blankToNull(input.localName()),
                input.region().trim(),
                School.blankToNull(input.city()),
                input.type(),
                Instant.now(clock));
        em.persist(school);
        audit.record(AuditAction.CREATE, "school:" + code, code, input.name());
        em.flush();
        approvalsChanged.fire(new ApprovalsChanged(code));
        return view(school, List.of());
    }

    /**
     * Changes a school's details, made from the version {@code expectedVersion} of them.
     *
     * @throws StaleVersion when someone else has changed the school since that version
     */
    public SchoolView update(String code, long expectedVersion, @NotNull @Valid SchoolInput input) {
        Grant grant = access.require(Operation.SCHOOL_WRITE);
        School school = find(code);
        grant.check(Tenant.school(school.getCode()), "school " + school.getCode());
        Versions.check(expectedVersion, school.getVersion(), "school " + school.getCode());
        if (input.code() != null && !input.code().equalsIgnoreCase(school.getCode())) {
            throw new BadInput("code", "cannot change: it is the school's key");
        }
        String region = school.getRegion();
        school.update(input);
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersion("school " + school.getCode());
        }
        if (!school.getRegion().equals(region)) {
            // what other areas copy of its students' region moves with the school, in this transaction
            em.flush();
            moved.fire(new SchoolMoved(school.getId(), school.getRegion()));
        }
        audit.record(AuditAction.UPDATE, "school:" + school.getCode(), school.getCode(), input.name());
        return view(school, programsOf(List.of(school)).getOrDefault(school.getId(), List.of()));
    }

    /** Adds a programme; the input is checked after the school's tenancy, so another school is a 404 whatever was sent. */
    public SchoolView.ProgramView addProgram(String code, ProgramInput input) {
        Grant grant = access.require(Operation.PROGRAM_WRITE);
        School school = find(code);
        grant.check(Tenant.school(school.getCode()), "school " + school.getCode());
        if (input == null) {
            throw new BadInput("body", "is required: {\"name\", \"level\"}");
        }
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String name = input.name().trim();
        boolean exists = em.createNamedQuery("Program.ofSchool", Program.class)
                .setParameter("code", school.getCode())
                .getResultStream()
                .anyMatch(p -> p.getName().equalsIgnoreCase(name));
        if (exists) {
            throw new BadInput("name", "the school has a programme called " + name + " already");
        }
        Program program = new Program(school, name, input.level().trim().toUpperCase(Locale.ROOT));
        em.persist(program);
        audit.record(AuditAction.CREATE, "program:" + school.getCode() + "/" + name, school.getCode(), input.level());
        em.flush();
        return new SchoolView.ProgramView(program.getId(), program.getName(), program.getLevel());
    }

    private Map<Long, List<SchoolView.ProgramView>> programsOf(List<School> schools) {
        if (schools.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery(
                        "select p.school.id, p.id, p.name, p.level from Program p"
                                + " where p.school in :schools order by p.name",
                        Object[].class)
                .setParameter("schools", schools)
                .getResultList();
        return rows.stream()
                .collect(Collectors.groupingBy(
                        r -> (Long) r[0],
                        Collectors.mapping(
                                r -> new SchoolView.ProgramView((Long) r[1], (String) r[2], (String) r[3]),
                                Collectors.toList())));
    }

    private static SchoolView view(School s, List<SchoolView.ProgramView> programs) {
        return new SchoolView(
                s.getCode(),
                s.getName(),
                s.getLocalName(),
                s.getRegion(),
                s.getCity(),
                s.getType(),
                programs,
                s.certification(),
                s.getVersion());
    }
}
