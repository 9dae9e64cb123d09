package org.talentpipeline.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.school.School;
import org.talentpipeline.school.SchoolType;

/** The rules of a certification case: the state machine, required evidence, the conflict rule, totals and decisions. */
class ApplicationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    final List<Criterion> criteria = List.of(
            new Criterion("CURRICULUM", "Curriculum", null, BigDecimal.valueOf(30), 5, true, 1),
            new Criterion("LABS", "Labs", null, BigDecimal.valueOf(10), 5, false, 2));
    final Cycle cycle =
            new Cycle("2026", "Cycle 2026", TODAY.minusDays(30), TODAY.plusDays(30), 5, BigDecimal.valueOf(70));
    final School school =
            new School("XDU", "Xidian University", null, "Northwest", "Xi'an", SchoolType.UNIVERSITY, NOW);

    Application draft() {
        return new Application(school, cycle, criteria, "school_admin", NOW);
    }

    Application submitted() {
        Application a = draft();
        a.write(Map.of("CURRICULUM", "We map 12 work roles."));
        a.submit(TODAY, criteria, Set.of("CURRICULUM"), figures(), "school_admin", NOW);
        return a;
    }

    Application underReview() {
        Application a = submitted();
        a.assign("ana", null, "admin", NOW);
        a.assign("bo", "SJTU", "admin", NOW);
        return a;
    }

    static PipelineFigures figures() {
        return new PipelineFigures(TODAY.minusYears(3), TODAY, 100, 40, BigDecimal.valueOf(812.5), 2, 3);
    }

    static Map<String, ScoreInput> scores(int curriculum, int labs) {
        Map<String, ScoreInput> s = new LinkedHashMap<>();
        s.put("CURRICULUM", new ScoreInput("CURRICULUM", curriculum, "ok"));
        s.put("LABS", new ScoreInput("LABS", labs, "ok"));
        return s;
    }

    @Test
    void theStatesMoveOnlyForwardAndDecidedOnesOnlyEnd() {
        assertTrue(ApplicationState.DRAFT.mayMoveTo(ApplicationState.SUBMITTED));
        assertFalse(ApplicationState.DRAFT.mayMoveTo(ApplicationState.UNDER_REVIEW));
        assertFalse(ApplicationState.SUBMITTED.mayMoveTo(ApplicationState.CERTIFIED));
        assertTrue(ApplicationState.UNDER_REVIEW.mayMoveTo(ApplicationState.REJECTED));
        assertTrue(ApplicationState.CERTIFIED.mayMoveTo(ApplicationState.EXPIRED));
        assertTrue(ApplicationState.CERTIFIED.mayMoveTo(ApplicationState.RENEWED));
        assertTrue(ApplicationState.CERTIFIED.mayMoveTo(ApplicationState.REVOKED));
        for (ApplicationState end : List.of(
                ApplicationState.REJECTED,
                ApplicationState.EXPIRED,
                ApplicationState.RENEWED,
                ApplicationState.REVOKED)) {
            for (ApplicationState next : ApplicationState.values()) {
                assertFalse(end.mayMoveTo(next), end + " -> " + next);
            }
        }
    }

    @Test
    void submittingNeedsTheRequiredEvidenceAndTheWindow() {
        Application a = draft();
        BadInput missing =
                assertThrows(BadInput.class, () -> a.submit(TODAY, criteria, Set.of(), figures(), "sa", NOW));
        assertEquals("CURRICULUM", missing.problems().get(0).field(), "names the criterion");
        assertEquals(1, missing.problems().size(), "LABS requires no evidence");
        a.write(Map.of("curriculum", "a statement"));
        assertThrows(BadInput.class, () -> a.submit(TODAY, criteria, Set.of(), figures(), "sa", NOW), "and a document");
        assertThrows(
                Conflict.class,
                () -> a.submit(TODAY.plusDays(31), criteria, Set.of("CURRICULUM"), figures(), "sa", NOW),
                "outside the window");
        assertEquals(ApplicationState.DRAFT, a.getState());
        assertEquals(null, a.getFigures(), "nothing frozen before submission");
        a.submit(TODAY, criteria, Set.of("CURRICULUM"), figures(), "sa", NOW);
        assertEquals(ApplicationState.SUBMITTED, a.getState());
        assertEquals(100, a.getFigures().getStudents());
        assertEquals(40.0, a.getFigures().getResultShare());
        assertThrows(Conflict.class, () -> a.write(Map.of("LABS", "later")), "submitted evidence is final");
    }

    @Test
    void statementsAreWrittenAllOrNone() {
        Application a = draft();
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("CURRICULUM", "fine");
        statements.put("LABS", "x".repeat(Evidence.MAX_STATEMENT + 1));
        statements.put("NOPE", "unknown");
        BadInput e = assertThrows(BadInput.class, () -> a.write(statements));
        assertEquals(
                List.of("LABS", "criterion"),
                e.problems().stream().map(p -> p.field()).toList());
        assertEquals(null, a.evidence("CURRICULUM", "criterion").getStatement(), "nothing written when one is refused");
    }

    @Test
    void anAffiliatedReviewerIsRefusedAndTwoReviewersStartTheReview() {
        Application a = submitted();
        Conflict refused = assertThrows(Conflict.class, () -> a.assign("xu", "xdu", "admin", NOW));
        assertTrue(refused.getMessage().contains("affiliated"));
        a.assign("ana", null, "admin", NOW);
        assertEquals(ApplicationState.SUBMITTED, a.getState());
        assertThrows(Conflict.class, () -> a.assign("ana", null, "admin", NOW), "once per case");
        a.assign("bo", "SJTU", "admin", NOW);
        assertEquals(ApplicationState.UNDER_REVIEW, a.getState());
        assertThrows(NotFound.class, () -> a.score("cy", null, scores(5, 5), NOW), "only assigned reviewers review");
    }

    @Test
    void aReviewerWhoDeclaresAConflictStepsAsideAndCountsForNothing() {
        Application a = underReview();
        a.score("ana", null, scores(5, 5), NOW);
        a.declareConflict("bo", "my sister teaches there", NOW);
        assertThrows(Conflict.class, () -> a.score("bo", "SJTU", scores(5, 5), NOW));
        assertThrows(
                Conflict.class,
                () -> a.decide(ApplicationState.CERTIFIED, null, List.of(), TODAY, "admin", NOW),
                "one complete review is not enough");
        a.assign("cy", null, "admin", NOW);
        a.score("cy", null, scores(4, 4), NOW);
        assertEquals(2, a.completeReviews().size());
    }

    @Test
    void everyCriterionIsScoredInRangeWithAComment() {
        Application a = underReview();
        Map<String, ScoreInput> bad = new LinkedHashMap<>();
        bad.put("CURRICULUM", new ScoreInput("CURRICULUM", 6, "too much"));
        bad.put("LABS", new ScoreInput("LABS", 3, " "));
        BadInput e = assertThrows(BadInput.class, () -> a.score("ana", null, bad, NOW));
        assertEquals(
                List.of("CURRICULUM", "LABS"),
                e.problems().stream().map(p -> p.field()).toList());
    }

    @Test
    void theTotalIsTheMeanOfTheReviewersWeightedTotalsAndTheSpreadTheirDistance() {
        Application a = underReview();
        a.score("ana", null, scores(5, 0), NOW);
        a.score("bo", "SJTU", scores(4, 5), NOW);
        // ana: (30*1 + 10*0)/40 = 75.0; bo: (30*0.8 + 10*1)/40 = 85.0
        assertEquals(new BigDecimal("80.0"), a.total());
        assertEquals(new BigDecimal("10.0"), a.spread());
    }

    @Test
    void certificationNeedsThePassMarkAndNoDeficiencyAndRunsForTheCyclesPeriod() {
        Application low = underReview();
        low.score("ana", null, scores(2, 2), NOW);
        low.score("bo", "SJTU", scores(3, 3), NOW);
        assertThrows(
                Conflict.class,
                () -> low.decide(ApplicationState.CERTIFIED, null, List.of(), TODAY, "admin", NOW),
                "50 is below the pass mark of 70");
        assertThrows(
                BadInput.class,
                () -> low.decide(ApplicationState.REJECTED, null, List.of(), TODAY, "admin", NOW),
                "a rejection lists its findings");
        low.decide(
                ApplicationState.REJECTED,
                "not yet",
                List.of(new FindingInput("LABS", "weakness", "no range")),
                TODAY,
                "admin",
                NOW);
        assertEquals(ApplicationState.REJECTED, low.getState());
        assertEquals(Severity.WEAKNESS, low.getFindings().get(0).getSeverity());

        Application good = underReview();
        good.score("ana", null, scores(5, 5), NOW);
        good.score("bo", "SJTU", scores(4, 4), NOW);
        assertThrows(
                Conflict.class,
                () -> good.decide(
                        ApplicationState.CERTIFIED,
                        null,
                        List.of(new FindingInput("LABS", "DEFICIENCY", "none")),
                        TODAY,
                        "admin",
                        NOW));
        assertThrows(
                BadInput.class,
                () -> good.decide(
                        ApplicationState.CERTIFIED,
                        null,
                        List.of(new FindingInput("NOPE", "SEVERE", "")),
                        TODAY,
                        "admin",
                        NOW));
        good.decide(
                ApplicationState.CERTIFIED,
                null,
                List.of(new FindingInput("labs", "CONCERN", "watch")),
                TODAY,
                "admin",
                NOW);
        assertEquals(TODAY, good.getCertifiedFrom());
        assertEquals(LocalDate.of(2031, 11, 25), good.getCertifiedUntil());
        assertThrows(
                Conflict.class,
                () -> good.decide(
                        ApplicationState.REJECTED,
                        null,
                        List.of(new FindingInput("LABS", "CONCERN", "again")),
                        TODAY,
                        "admin",
                        NOW));
    }

    @Test
    void aCertificationExpiresAfterItsLastDayIsRenewedOrRevoked() {
        Application a = underReview();
        a.score("ana", null, scores(5, 5), NOW);
        a.score("bo", "SJTU", scores(5, 5), NOW);
        a.decide(ApplicationState.CERTIFIED, null, List.of(), TODAY, "admin", NOW);
        assertFalse(a.expire(a.getCertifiedUntil(), NOW), "valid through its last day");
        assertTrue(a.expire(a.getCertifiedUntil().plusDays(1), NOW));
        assertEquals(ApplicationState.EXPIRED, a.getState());
        assertFalse(a.expire(a.getCertifiedUntil().plusDays(2), NOW), "ends once");
        assertThrows(Conflict.class, () -> a.revoke("too late", "admin", NOW));

        Application b = underReview();
        b.score("ana", null, scores(5, 5), NOW);
        b.score("bo", "SJTU", scores(5, 5), NOW);
        b.decide(ApplicationState.CERTIFIED, null, List.of(), TODAY, "admin", NOW);
        assertThrows(BadInput.class, () -> b.revoke(" ", "admin", NOW), "a revocation gives its reason");
        b.revoke("falsified evidence", "admin", NOW);
        assertEquals(ApplicationState.REVOKED, b.getState());
        assertEquals(
                "falsified evidence",
                b.getHistory().get(b.getHistory().size() - 1).getNote());
        assertEquals(
                List.of(
                        ApplicationState.DRAFT,
                        ApplicationState.SUBMITTED,
                        ApplicationState.UNDER_REVIEW,
                        ApplicationState.CERTIFIED,
                        ApplicationState.REVOKED),
                b.getHistory().stream().map(Transition::getState).toList());
    }
}
