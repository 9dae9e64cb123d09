package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.talentpipeline.competition.ResultService;
import org.talentpipeline.evaluation.JudgingResource;
import org.talentpipeline.evaluation.Rubric;
import org.talentpipeline.identity.AuthResource;
import org.talentpipeline.placement.PlacementService;
import org.talentpipeline.privacy.Erasure;
import org.talentpipeline.privacy.MeResource;
import org.talentpipeline.scoring.CategorySynonyms;
import org.talentpipeline.search.SavedSearches;
import org.talentpipeline.student.InvitationsResource;
import org.talentpipeline.student.StudentService;

/**
 * The constraints the API's input records declare: each field's problem as the 400 names it, and a
 * good record none. The rules that need the database (an unknown student, a duplicate name) are the
 * services' and are checked by their ITs.
 */
class InputRecordsTest {

    static ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    static List<String> problems(Record input) {
        return BadInput.problems(validator, input).stream()
                .map(p -> p.field() + ": " + p.message())
                .toList();
    }

    static String text(int length) {
        char[] chars = new char[length];
        Arrays.fill(chars, 'x');
        return new String(chars);
    }

    @Test
    void aTokenRequestNeedsAUserNameAndAPassword() {
        assertEquals(
                List.of("username: is required", "password: is required"),
                problems(new AuthResource.TokenRequest(null, null)));
    }

    @Test
    void aTokenRequestWithBothIsChecked() {
        assertEquals(List.of(), problems(new AuthResource.TokenRequest("ana", "secret")));
    }

    @Test
    void aTeamNeedsANameAndAMember() {
        assertEquals(
                List.of(
                        "name: is required, and may not look like a student ref",
                        "members: at least one member (a student ref) is required"),
                problems(new ResultService.TeamInput(" ", List.of())));
    }

    @Test
    void aTeamNameIsAtMost200Characters() {
        assertEquals(
                List.of("name: must be at most 200 characters"),
                problems(new ResultService.TeamInput(text(201), List.of("XDU/2023001"))));
    }

    @Test
    void aTeamWithANameAndMembersIsChecked() {
        assertEquals(List.of(), problems(new ResultService.TeamInput("Red", List.of("XDU/2023001"))));
    }

    @Test
    void aRubricNeedsACriterion() {
        assertEquals(
                List.of("criteria: at least one criterion is required"),
                problems(new JudgingResource.RubricInput(List.of())));
        assertEquals(
                List.of("criteria: at least one criterion is required"),
                problems(new JudgingResource.RubricInput(null)));
    }

    @Test
    void aRubricWithACriterionIsChecked() {
        assertEquals(
                List.of(), problems(new JudgingResource.RubricInput(List.of(new Rubric.Criterion("Design", 1, 10)))));
    }

    @Test
    void aSavedSearchNeedsAName() {
        assertEquals(
                List.of("name: is required (at most 100 characters)"),
                problems(new SavedSearches.SaveInput("  ", Map.of())));
    }

    @Test
    void aSavedSearchNameIsAtMost100Characters() {
        assertEquals(
                List.of("name: is required (at most 100 characters)"),
                problems(new SavedSearches.SaveInput(text(101), Map.of())));
        assertEquals(List.of(), problems(new SavedSearches.SaveInput(text(100), Map.of("region", "Northwest"))));
    }

    @Test
    void aStageMoveNoteIsAtMost1000Characters() {
        assertEquals(
                List.of("note: must be at most 1000 characters"),
                problems(new PlacementService.StageInput("INTERVIEW", text(1001))));
        assertEquals(List.of(), problems(new PlacementService.StageInput("INTERVIEW", null)));
    }

    @Test
    void aSynonymNeedsASpellingAndACategory() {
        assertEquals(
                List.of("spelling: is required", "category: is required"),
                problems(new CategorySynonyms.SynonymInput(null, null, "PD-WRL-007")));
        assertEquals(List.of(), problems(new CategorySynonyms.SynonymInput("pwnable", "pwn", null)));
    }

    @Test
    void anInvitationNamesNoBlankRef() {
        assertEquals(
                List.of("refs[1]: must be a student ref (SCHOOL/NUMBER), not blank"),
                problems(new InvitationsResource.InviteInput(Arrays.asList("XDU/2023001", " "))));
    }

    @Test
    void anInvitationOfNoRefsIsChecked() {
        assertEquals(List.of(), problems(new InvitationsResource.InviteInput(null)));
        assertEquals(List.of(), problems(new InvitationsResource.InviteInput(List.of("XDU/2023001"))));
    }

    @Test
    void aSchoolsConsentNeedsTheDecision() {
        assertEquals(
                List.of("granted: is required: true to share, false to withdraw"),
                problems(new StudentService.ConsentInput(null, null, null, null)));
    }

    @Test
    void aSchoolsConsentNoteIsAtMost500Characters() {
        assertEquals(
                List.of("note: must be at most 500 characters"),
                problems(new StudentService.ConsentInput(true, List.of("NCSC"), false, text(501))));
        assertEquals(List.of(), problems(new StudentService.ConsentInput(false, null, null, text(500))));
    }

    @Test
    void anErasureNeedsAReason() {
        assertEquals(
                List.of("reason: is required: why the student is erased (at most 500 characters)"),
                problems(new Erasure.ErasureInput(" ")));
    }

    @Test
    void anErasureReasonIsAtMost500Characters() {
        assertEquals(
                List.of("reason: is required: why the student is erased (at most 500 characters)"),
                problems(new Erasure.ErasureInput(text(501))));
        assertEquals(List.of(), problems(new Erasure.ErasureInput("the student asked, letter of 3 May")));
    }

    @Test
    void aStudentsOwnConsentNeedsTheDecision() {
        assertEquals(
                List.of("granted: is required: true to share, false to withdraw"),
                problems(new MeResource.ConsentInput(null, List.of("NCSC"))));
        assertEquals(List.of(), problems(new MeResource.ConsentInput(false, null)));
    }

    @Test
    void checkNamesTheMissingBodyAndReturnsAGoodRecord() {
        BadInput missing = assertThrows(
                BadInput.class,
                () -> BadInput.check(validator, (MeResource.ConsentInput) null, "granted", "is required"));
        assertEquals(List.of(new ApiError.FieldProblem("granted", "is required")), missing.problems());
        MeResource.ConsentInput good = new MeResource.ConsentInput(true, null);
        assertEquals(good, BadInput.check(validator, good, "granted", "is required"));
    }
}
