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
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.NotFound;

/**
 * The programme's settings, kept by ADMIN: the criteria applications are reviewed against, and
 * the cycles (window, certification period, pass mark) they are made in. Everyone signed in who
 * works with certification reads them.
 */
@ApplicationScoped
@Transactional
public class Programme {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public record CriterionView(String code, String title, String description, BigDecimal weight, int maxScore,
            boolean evidenceRequired, int position, boolean active) {

        static CriterionView of(Criterion c) {
            return new CriterionView(c.getCode(), c.getTitle(), c.getDescription(), c.getWeight(), c.getMaxScore(),
                    c.isEvidenceRequired(), c.getPosition(), c.isActive());
        }
    }

    public record CriterionInput(String code, String title, String description, BigDecimal weight, Integer maxScore,
            Boolean evidenceRequired, Integer position, Boolean active) {
    }

    public record CycleView(String code, String name, LocalDate opensOn, LocalDate closesOn, int periodYears,
            BigDecimal passMark, boolean open) {
    }

    public record CycleInput(String code, String name, LocalDate opensOn, LocalDate closesOn, Integer periodYears,
            BigDecimal passMark) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CriterionView> criteria() {
        return em.createNamedQuery("Criterion.findAll", Criterion.class).getResultStream().map(CriterionView::of).toList();
    }

    List<Criterion> activeCriteria() {
        return em.createNamedQuery("Criterion.findActive", Criterion.class).getResultList();
    }

    public CriterionView createCriterion(CriterionInput input) {
        CriterionInput in = checked(input, true);
        if (findCriterion(in.code()) != null) {
            throw new Conflict("criterion " + in.code() + " exists");
        }
        Criterion criterion = new Criterion(in.code(), in.title(), in.description(), in.weight(), in.maxScore(),
                in.evidenceRequired(), in.position());
        em.persist(criterion);
        audit.record(AuditAction.CREATE, "certification criterion " + in.code(), null, in.title());
        return CriterionView.of(criterion);
    }

    public CriterionView updateCriterion(String code, CriterionInput input) {
        Criterion criterion = findCriterion(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        if (criterion == null) {
            throw new NotFound("criterion " + code);
        }
        CriterionInput in = checked(input, false);
        criterion.change(in.title(), in.description(), in.weight(), in.maxScore(), in.evidenceRequired(), in.position(),
                in.active() == null || in.active());
        audit.record(AuditAction.UPDATE, "certification criterion " + criterion.getCode(), null, in.title());
        return CriterionView.of(criterion);
    }

    private Criterion findCriterion(String code) {
        return em.createNamedQuery("Criterion.findByCode", Criterion.class).setParameter("code", code).getResultStream()
                .findFirst().orElse(null);
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
        if (input.weight() == null || input.weight().signum() <= 0 || input.weight().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            problems.add(new FieldProblem("weight", "must be a positive number below 1000"));
        }
        if (input.maxScore() == null || input.maxScore() < 1 || input.maxScore() > 100) {
            problems.add(new FieldProblem("maxScore", "must be a whole number from 1 to 100"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        return new CriterionInput(code, input.title().strip(), input.description() == null || input.description().isBlank()
                ? null : input.description().strip(), input.weight(), input.maxScore(),
                input.evidenceRequired() != null && input.evidenceRequired(), input.position() == null ? 0 : input.position(),
                input.active());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CycleView> cycles() {
        LocalDate today = LocalDate.now(clock);
        return em.createNamedQuery("Cycle.findAll", Cycle.class).getResultStream().map(c -> view(c, today)).toList();
    }

    /** The cycles a school may still open an application in: those not closed yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CycleView> cyclesNotClosed() {
        LocalDate today = LocalDate.now(clock);
        return cycles().stream().filter(c -> !c.closesOn().isBefore(today)).toList();
    }

    private static CycleView view(Cycle c, LocalDate today) {
        return new CycleView(c.getCode(), c.getName(), c.getOpensOn(), c.getClosesOn(), c.getPeriodYears(), c.getPassMark(),
                c.isOpenOn(today));
    }

    public CycleView createCycle(CycleInput input) {
        CycleInput in = checked(input);
        if (findCycle(in.code()) != null) {
            throw new Conflict("cycle " + in.code() + " exists");
        }
        Cycle cycle = new Cycle(in.code(), in.name(), in.opensOn(), in.closesOn(), in.periodYears(), in.passMark());
        em.persist(cycle);
        audit.record(AuditAction.CREATE, "certification cycle " + in.code(), null, in.name());
        return view(cycle, LocalDate.now(clock));
    }

    public CycleView updateCycle(String code, CycleInput input) {
        Cycle cycle = findCycle(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        if (cycle == null) {
            throw new NotFound("cycle " + code);
        }
        if (input == null) {
            throw new BadInput("body", "a cycle is required");
        }
        // the code is the path's: a body may leave it out, and may not change it
        CycleInput in = checked(new CycleInput(cycle.getCode(), input.name(), input.opensOn(), input.closesOn(),
                input.periodYears(), input.passMark()));
        cycle.change(in.name(), in.opensOn(), in.closesOn(), in.periodYears(), in.passMark());
        audit.record(AuditAction.UPDATE, "certification cycle " + cycle.getCode(), null, in.name());
        return view(cycle, LocalDate.now(clock));
    }

    Cycle findCycle(String code) {
        return em.createNamedQuery("Cycle.findByCode", Cycle.class).setParameter("code", code).getResultStream().findFirst()
                .orElse(null);
    }

    /** The cycle taking applications today (the one closing first), if any. */
    Cycle openCycle() {
        return em.createNamedQuery("Cycle.findOpenOn", Cycle.class).setParameter("day", LocalDate.now(clock)).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
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
        if (input.passMark() == null || input.passMark().signum() < 0 || input.passMark().compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(new FieldProblem("passMark", "must be a weighted total from 0 to 100"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        return new CycleInput(code, input.name().strip(), input.opensOn(), input.closesOn(), period, input.passMark());
    }
}
