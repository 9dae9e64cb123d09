package org.talentpipeline.certification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.Versions;

/**
 * The programme's settings, kept by ADMIN (PROGRAMME_WRITE): the criteria applications are reviewed
 * against, and the cycles (window, certification period, pass mark) they are made in. Everyone who
 * works with certification reads them (PROGRAMME_READ). A change names the version it started from.
 */
@ApplicationScoped
@Transactional
public class Programme {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Access access;

    @Inject
    Clock clock;

    public record CriterionView(
            String code,
            String title,
            String description,
            BigDecimal weight,
            int maxScore,
            boolean evidenceRequired,
            int position,
            boolean active,
            long version) {

        static CriterionView of(Criterion c) {
            return new CriterionView(
                    c.getCode(),
                    c.getTitle(),
                    c.getDescription(),
                    c.getWeight(),
                    c.getMaxScore(),
                    c.isEvidenceRequired(),
                    c.getPosition(),
                    c.isActive(),
                    c.getVersion());
        }
    }

    public record CriterionInput(
            String code,
            String title,
            String description,
            BigDecimal weight,
            Integer maxScore,
            Boolean evidenceRequired,
            Integer position,
            Boolean active) {}

    public record CycleView(
            String code,
            String name,
            LocalDate opensOn,
            LocalDate closesOn,
            int periodYears,
            BigDecimal passMark,
            boolean open,
            long version) {}

    public record CycleInput(
            String code,
            String name,
            LocalDate opensOn,
            LocalDate closesOn,
            Integer periodYears,
            BigDecimal passMark) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CriterionView> criteria() {
        access.require(Operation.PROGRAMME_READ);
        return em.createNamedQuery("Criterion.findAll", Criterion.class)
                .getResultStream()
                .map(CriterionView::of)
                .toList();
    }

    List<Criterion> activeCriteria() {
        return em.createNamedQuery("Criterion.findActive", Criterion.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CriterionView criterion(String code) {
        access.require(Operation.PROGRAMME_READ);
        return CriterionView.of(existingCriterion(code));
    }

    public CriterionView createCriterion(CriterionInput input) {
        access.require(Operation.PROGRAMME_WRITE);
        CriterionInput in = checked(input, true);
        if (findCriterion(in.code()) != null) {
            throw new Conflict("criterion " + in.code() + " exists");
        }
        Criterion criterion = new Criterion(
                in.code(),
                in.title(),
                in.description(),
                in.weight(),
                in.maxScore(),
                in.evidenceRequired(),
                in.position());
        em.persist(criterion);
        em.flush();
        audit.record(AuditAction.CREATE, "certification criterion " + in.code(), null, in.title());
        return CriterionView.of(criterion);
    }

    /** Changes a criterion that is still at {@code version}; someone else's change since is a {@code StaleVersion}. */
    public CriterionView updateCriterion(String code, CriterionInput input, long version) {
        access.require(Operation.PROGRAMME_WRITE);
        Criterion criterion = existingCriterion(code);
        Versions.check(version, criterion.getVersion(), "criterion " + criterion.getCode());
        CriterionInput in = checked(input, false);
        criterion.change(
                in.title(),
                in.description(),
                in.weight(),
                in.maxScore(),
                in.evidenceRequired(),
                in.position(),
                in.active() == null || in.active());
        em.flush();
        audit.record(AuditAction.UPDATE, "certification criterion " + criterion.getCode(), null, in.title());
        return CriterionView.of(criterion);
    }

    private Criterion existingCriterion(String code) {
        Criterion criterion = findCriterion(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        if (criterion == null) {
            throw new NotFound("criterion " + code);
        }
        return criterion;
    }

    private Criterion findCriterion(String code) {
        return em.createNamedQuery("Criterion.findByCode", Criterion.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private static CriterionInput checked(CriterionInput input, boolean withCode) {
        if (input == null) {
            throw new BadInput("body", "a criterion is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String code = input.code() == null ? null : input.code().strip().toUpperCase(Locale.ROOT);
        if (withCode && (code == null || !code.matches("[A-Z0-9-]{2,40}"))) {
            problems.add(new FieldProblem("code", "must be 2 to 40 letters, digits or dashes"));
        }
        if (input.title() == null || input.title().isBlank() || input.title().length() > 200) {
            problems.add(new FieldProblem("title", "is required (at most 200 characters)"));
        }
        if (input.description() != null && input.description().length() > 2000) {
            problems.add(new FieldProblem("description", "must be at most 2000 characters"));
        }
        if (input.weight() == null
                || input.weight().signum() <= 0
                || input.weight().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            problems.add(new FieldProblem("weight", "must be a positive number below 1000"));
        }
        if (input.maxScore() == null || input.maxScore() < 1 || input.maxScore() > 100) {
            problems.add(new FieldProblem("maxScore", "must be a whole number from 1 to 100"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        return new CriterionInput(
                code,
                input.title().strip(),
                input.description() == null || input.description().isBlank()
                        ? null
                        : input.description().strip(),
                input.weight(),
                input.maxScore(),
                input.evidenceRequired() != null && input.evidenceRequired(),
                input.position() == null ? 0 : input.position(),
                input.active());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CycleView> cycles() {
        access.require(Operation.PROGRAMME_READ);
        LocalDate today = LocalDate.now(clock);
        return em.createNamedQuery("Cycle.findAll", Cycle.class)
                .getResultStream()
                .map(c -> view(c, today))
                .toList();
    }

    /** The cycles a school may still open an application in: those not closed yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CycleView> cyclesNotClosed() {
        LocalDate today = LocalDate.now(clock);
        return cycles().stream().filter(c -> !c.closesOn().isBefore(today)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CycleView cycle(String code) {
        access.require(Operation.PROGRAMME_READ);
        return view(existingCycle(code), LocalDate.now(clock));
    }

    private static CycleView view(Cycle c, LocalDate today) {
        return new CycleView(
                c.getCode(),
                c.getName(),
                c.getOpensOn(),
                c.getClosesOn(),
                c.getPeriodYears(),
                c.getPassMark(),
                c.isOpenOn(today),
                c.getVersion());
    }

    public CycleView createCycle(CycleInput input) {
        access.require(Operation.PROGRAMME_WRITE);
        CycleInput in = checked(input);
        if (findCycle(in.code()) != null) {
            throw new Conflict("cycle " + in.code() + " exists");
        }
        Cycle cycle = new Cycle(in.code(), in.name(), in.opensOn(), in.closesOn(), in.periodYears(), in.passMark());
        em.persist(cycle);
        em.flush();
        audit.record(AuditAction.CREATE, "certification cycle " + in.code(), null, in.name());
        return view(cycle, LocalDate.now(clock));
    }

    /** Changes a cycle that is still at {@code version}; someone else's change since is a {@code StaleVersion}. */
    public CycleView updateCycle(String code, CycleInput input, long version) {
        access.require(Operation.PROGRAMME_WRITE);
        Cycle cycle = existingCycle(code);
        Versions.check(version, cycle.getVersion(), "cycle " + cycle.getCode());
        if (input == null) {
            throw new BadInput("body", "a cycle is required");
        }
        // the code is the path's: a body may leave it out, and may not change it
        CycleInput in = checked(new CycleInput(
                cycle.getCode(),
                input.name(),
                input.opensOn(),
                input.closesOn(),
                input.periodYears(),
                input.passMark()));
        cycle.change(in.name(), in.opensOn(), in.closesOn(), in.periodYears(), in.passMark());
        em.flush();
        audit.record(AuditAction.UPDATE, "certification cycle " + cycle.getCode(), null, in.name());
        return view(cycle, LocalDate.now(clock));
    }

    private Cycle existingCycle(String code) {
        Cycle cycle = findCycle(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        if (cycle == null) {
            throw new NotFound("cycle " + code);
        }
        return cycle;
    }

    Cycle findCycle(String code) {
        return em.createNamedQuery("Cycle.findByCode", Cycle.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** The cycle taking applications today (the one closing first), if any. */
    Cycle openCycle() {
        return em.createNamedQuery("Cycle.findOpenOn", Cycle.class)
                .setParameter("day", LocalDate.now(clock))
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private static CycleInput checked(CycleInput input) {
        if (input == null) {
            throw new BadInput("body", "a cycle is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String code = input.code() == null ? null : input.code().strip().toUpperCase(Locale.ROOT);
        if (code == null || !code.matches("[A-Z0-9-]{2,40}")) {
            problems.add(new FieldProblem("code", "must be 2 to 40 letters, digits or dashes"));
        }
        if (input.name() == null || input.name().isBlank() || input.name().length() > 200) {
            problems.add(new FieldProblem("name", "is required (at most 200 characters)"));
        }
        if (input.opensOn() == null) {
            problems.add(new FieldProblem("opensOn", "is required (a date such as 2026-01-01)"));
        }
        if (input.closesOn() == null) {
            problems.add(new FieldProblem("closesOn", "is required (a date such as 2026-06-30)"));
        } else if (input.opensOn() != null && input.closesOn().isBefore(input.opensOn())) {
            problems.add(new FieldProblem("closesOn", "must not be before opensOn"));
        }
        int period = input.periodYears() == null ? Cycle.DEFAULT_PERIOD_YEARS : input.periodYears();
        if (period < 1 || period > 20) {
            problems.add(new FieldProblem("periodYears", "must be from 1 to 20 years"));
        }
        if (input.passMark() == null
                || input.passMark().signum() < 0
                || input.passMark().compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(new FieldProblem("passMark", "must be a weighted total from 0 to 100"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        return new CycleInput(code, input.name().strip(), input.opensOn(), input.closesOn(), period, input.passMark());
    }
}
