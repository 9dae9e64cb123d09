package org.talentpipeline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.talentpipeline.platform.ApiError.FieldProblem;

class PasswordPolicyTest {

    static List<String> problems(String username, String password) {
        return PasswordPolicy.standard().problems("password", username, password).stream()
                .map(FieldProblem::message)
                .toList();
    }

    @Test
    void aLongUncommonPasswordPasses() {
        assertEquals(List.of(), problems("ana", "correct horse battery staple"));
    }

    @Test
    void elevenCharactersAreTooFew() {
        assertEquals(List.of("must be at least 12 characters"), problems("ana", "kq8#vWz!2mP"));
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertEquals(List.of(), problems("ana", "人才选拔管道网络安全的未来可期"));
    }

    @Test
    void aCommonPasswordOfTwelveCharactersIsRefusedWhateverItsCase() {
        assertEquals(List.of("is one of the 10,000 most common passwords"), problems("ana", "QWERTY123456"));
    }

    @Test
    void thePasswordMayNotContainTheUserNameInAnyCase() {
        assertEquals(List.of("must not contain the user name"), problems("wang.lei", "my-Wang.Lei-secret"));
    }

    @Test
    void twelveSpacesAreOneCharacterRepeated() {
        assertEquals(List.of("must not be one character repeated"), problems("ana", " ".repeat(12)));
    }

    @Test
    void tooLongIsRefused() {
        assertEquals(List.of("must be at most 200 characters"), problems("ana", "Ab1-".repeat(51)));
    }

    @Test
    void everyProblemNamesTheField() {
        List<FieldProblem> all = PasswordPolicy.standard().problems("password", "qwerty", "qwerty");
        assertEquals(
                List.of("password", "password", "password"),
                all.stream().map(FieldProblem::field).toList());
    }

    @Test
    void theShippedListHasItsTenThousandEntries() {
        assertEquals(List.of("is one of the 10,000 most common passwords"), problems("ana", "1qaz2wsx3edc"));
    }
}
