package org.talentpipeline.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CategoryNameTest {

    private static final String RULE = CategoryName.RULE;

    @Test
    void lettersOfAnyScriptDigitsSpacesAndTheSixMarksAreAllowed() {
        for (String name :
                List.of("web", "Reverse Engineering", "网络安全", "C++", "c#", "net/web", "a.b_c-d", "x1", "é")) {
            assertTrue(CategoryName.valid(name), name);
        }
    }

    @Test
    void markupQuotesControlsAndOverlongNamesAreRefused() {
        for (String name :
                List.of("</script><p>x", "a\"b", "a'b", "a&b", "a\nb", "a\tb", "", "   ", "x".repeat(41), "a;b")) {
            assertFalse(CategoryName.valid(name), name);
        }
        assertTrue(CategoryName.valid("x".repeat(40)));
    }

    @Test
    void namesAreStoredTrimmedInLowerCase() {
        assertEquals("web", CategoryName.key(" Web "));
        assertEquals("网络安全", CategoryName.key("网络安全"));
    }

    @Test
    void aRankingsJsonCategoryThatBreaksTheRuleIsAProblemOfItsRow() throws IOException {
        ResultFormats.Parsed parsed = ScoreboardTest.read(
                ResultFormats.Kind.RANKING,
                false,
                "[{\"place\":1,\"competitor\":\"A\",\"points\":5,\"categories\":{\"web\":5}},"
                        + "{\"place\":2,\"competitor\":\"B\",\"points\":4,\"categories\":{\"</script><p>x\":4}}]");
        assertEquals(List.of(new ResultProblem(2, "categories", "'</script><p>x' " + RULE)), parsed.problems());
    }

    @Test
    void aRankingsCsvCategoryColumnThatBreaksTheRuleIsAProblemOfTheHeader() throws IOException {
        ResultFormats.Parsed parsed = ScoreboardTest.read(
                ResultFormats.Kind.RANKING, true, "place,competitor,points,category:</script><p>x\n1,A,5,5\n");
        assertEquals(
                List.of(new ResultProblem(1, "category:</script><p>x", "'</script><p>x' " + RULE)), parsed.problems());
    }

    @Test
    void aSolveLogsCategoryThatBreaksTheRuleIsAProblemOfItsLine() throws IOException {
        ResultFormats.Parsed csv = ScoreboardTest.read(
                ResultFormats.Kind.SOLVES,
                true,
                "challenge,category,competitor,time,points\nw1,web,A,2026-05-01T10:00:00Z,100\nw2,<b>,A,2026-05-01T10:05:00Z,100\n");
        assertEquals(List.of(new ResultProblem(3, "category", "'<b>' " + RULE)), csv.problems());
        ResultFormats.Parsed json = ScoreboardTest.read(
                ResultFormats.Kind.SOLVES,
                false,
                "[{\"challenge\":\"w1\",\"category\":\"a&b\",\"competitor\":\"A\",\"time\":\"2026-05-01T10:00:00Z\",\"points\":1}]");
        assertEquals(List.of(new ResultProblem(1, "category", "'a&b' " + RULE)), json.problems());
    }

    @Test
    void categoriesDifferingOnlyInCaseAreOneInASolveLog() throws IOException {
        ResultFormats.Parsed parsed = ScoreboardTest.read(
                ResultFormats.Kind.SOLVES,
                true,
                "challenge,category,competitor,time,points\nw1,Web,A,2026-05-01T10:00:00Z,100\nw2,web,A,2026-05-01T10:05:00Z,50\n");
        assertEquals(List.of(), parsed.problems());
        assertEquals(Map.of("web", 150.0), parsed.standings().get(0).categories());
    }

    @Test
    void aRankingsCategoriesAreStoredInLowerCase() throws IOException {
        ResultFormats.Parsed parsed = ScoreboardTest.read(
                ResultFormats.Kind.RANKING, true, "place,competitor,points,category:Web,category:网络\n1,A,5,3,2\n");
        assertEquals(Map.of("web", 3.0, "网络", 2.0), parsed.standings().get(0).categories());
    }

    @Test
    void aRankingsCategoryColumnRepeatedInAnotherCaseIsRefused() throws IOException {
        ResultFormats.Parsed parsed = ScoreboardTest.read(
                ResultFormats.Kind.RANKING, true, "place,competitor,points,category:web,category:WEB\n1,A,5,3,2\n");
        assertEquals(
                List.of(1), parsed.problems().stream().map(ResultProblem::row).toList());
        assertEquals(List.of(), parsed.standings());
    }

    @Test
    void aRankingsJsonCategoryRepeatedInAnotherCaseIsAProblemOfItsRow() throws IOException {
        ResultFormats.Parsed parsed = ScoreboardTest.read(
                ResultFormats.Kind.RANKING,
                false,
                "[{\"place\":1,\"competitor\":\"A\",\"points\":5,\"categories\":{\"web\":3,\"Web\":2}}]");
        assertEquals(
                List.of(new ResultProblem(1, "categories", "'Web' is listed twice (names are compared without case)")),
                parsed.problems());
    }
}
