package org.talentpipeline.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EventExplanationTest {

    private static final String ENGLISH = "{4} of {1,number,integer} where about {5} was expected: {3}";
    private static final String CHINESE = "{1,number,integer} 个参赛者中第 {0} 名，预期约第 {2} 名：{3}";

    @Test
    void saysThePlaceAgainstTheExpectedOne() {
        EventExplanation e = new EventExplanation(5, 1399, 23, 1500.0, new Rating(1700, 120), new Rating(1961, 100));
        assertEquals("5th of 1,399 where about 23rd was expected: +261", e.sentence(ENGLISH, Locale.ENGLISH));
    }

    @Test
    void saysItInChinese() {
        EventExplanation e = new EventExplanation(5, 1399, 23, 1500.0, new Rating(1700, 120), new Rating(1961, 100));
        assertEquals("1,399 个参赛者中第 5 名，预期约第 23 名：+261", e.sentence(CHINESE, Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void showsALossWithItsSign() {
        EventExplanation e = new EventExplanation(40, 50, 12, 1500.0, new Rating(1700, 120), new Rating(1610, 110));
        assertEquals("40th of 50 where about 12th was expected: -90", e.sentence(ENGLISH, Locale.ENGLISH));
    }

    @Test
    void writesEnglishOrdinals() {
        assertEquals(
                "1st 2nd 3rd 11th 12th 13th 21st 111th 1,002nd",
                String.join(
                        " ",
                        EventExplanation.ordinal(1),
                        EventExplanation.ordinal(2),
                        EventExplanation.ordinal(3),
                        EventExplanation.ordinal(11),
                        EventExplanation.ordinal(12),
                        EventExplanation.ordinal(13),
                        EventExplanation.ordinal(21),
                        EventExplanation.ordinal(111),
                        EventExplanation.ordinal(1002)));
    }

    @Test
    void expectsTheMiddleOfAFieldOfEquals() {
        FieldSummary field =
                FieldSummary.of(new double[] {1500, 1500, 1500, 1500, 1500}, new double[] {350, 350, 350, 350, 350});
        assertEquals(3.0, field.expectedPlace(new Rating(1500, 350), 350, 5), 1e-9);
    }

    @Test
    void expectsAStrongRatingNearTheTop() {
        double[] mu = new double[1000];
        double[] sigma = new double[1000];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = 1000 + i;
            sigma[i] = 200;
        }
        EventExplanation e = EventExplanation.of(
                5, 1000, FieldSummary.of(mu, sigma), new Rating(2400, 100), new Rating(2420, 95), 350);
        assertTrue(e.expectedPlace() < 100, "expected " + e.expectedPlace());
    }

    @Test
    void expectsAPlaceAmongTheTeamsOfATeamEventNotAmongTheirMembers() {
        // eight teams of three: the field keeps 24 members' means, the places are the 8 teams'
        double[] mu = new double[24];
        double[] sigma = new double[24];
        Arrays.fill(mu, 1500);
        Arrays.fill(sigma, 350);
        FieldSummary field = FieldSummary.of(mu, sigma);
        assertEquals(4.5, field.expectedPlace(new Rating(1500, 350), 350, 8), 1e-9);
        EventExplanation strong = EventExplanation.of(1, 8, field, new Rating(2500, 100), new Rating(2510, 95), 350);
        assertEquals(1, strong.expectedPlace());
        EventExplanation asExpected =
                EventExplanation.of(5, 8, field, new Rating(1500, 350), new Rating(1490, 340), 350);
        assertEquals(5, asExpected.expectedPlace());
    }

    @Test
    void keepsTheFieldInFewNumbers() {
        FieldSummary field = FieldSummary.of(new double[] {1400, 1600}, new double[] {300, 100});
        assertEquals(field.encode(), FieldSummary.parse(field.encode()).encode());
    }
}
