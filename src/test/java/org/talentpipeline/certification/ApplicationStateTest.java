package org.talentpipeline.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** What a case may do next, as the pages ask it and the case itself enforces it. */
class ApplicationStateTest {

    private static List<ApplicationState> where(Predicate<ApplicationState> may) {
        return Arrays.stream(ApplicationState.values()).filter(may).toList();
    }

    @Test
    void onlyADraftIsEdited() {
        assertEquals(List.of(ApplicationState.DRAFT), where(ApplicationState::mayEdit));
    }

    @Test
    void reviewersAreAssignedToSubmittedCasesAndThoseUnderReview() {
        assertEquals(
                List.of(ApplicationState.SUBMITTED, ApplicationState.UNDER_REVIEW), where(ApplicationState::mayAssign));
    }

    @Test
    void onlyACaseUnderReviewIsReviewedAndDecided() {
        assertEquals(List.of(ApplicationState.UNDER_REVIEW), where(ApplicationState::mayReview));
        assertEquals(List.of(ApplicationState.UNDER_REVIEW), where(ApplicationState::mayDecide));
    }

    @Test
    void onlyACertificationInForceIsRevoked() {
        assertEquals(List.of(ApplicationState.CERTIFIED), where(ApplicationState::mayRevoke));
    }

    @Test
    void eachAllowedActionIsAMoveTheStateMachineAllows() {
        where(ApplicationState::mayDecide)
                .forEach(s -> assertEquals(
                        true,
                        s.mayMoveTo(ApplicationState.CERTIFIED) && s.mayMoveTo(ApplicationState.REJECTED),
                        s.name()));
        where(ApplicationState::mayRevoke)
                .forEach(s -> assertEquals(true, s.mayMoveTo(ApplicationState.REVOKED), s.name()));
        where(ApplicationState::mayEdit)
                .forEach(s -> assertEquals(true, s.mayMoveTo(ApplicationState.SUBMITTED), s.name()));
    }
}
