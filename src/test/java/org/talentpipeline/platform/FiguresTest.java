package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final Figures en = new Figures(Locale.ENGLISH, SHANGHAI);
    private final Figures zh = new Figures(Locale.SIMPLIFIED_CHINESE, SHANGHAI);

    @Test
    void wholePointsHaveNoDecimals() {
        assertEquals("3,973", en.points(3973.0));
    }

    @Test
    void fractionalPointsHaveOneDecimal() {
        assertEquals("3,973.5", en.points(3973.46));
    }

    @Test
    void percentilesHaveOneDecimal() {
        assertEquals("97.0", en.percentile(96.98765432101234));
    }

    @Test
    void countsAreGrouped() {
        assertEquals("12,345", zh.count(12345));
    }

    @Test
    void instantsAreInTheUsersZoneAndLanguage() {
        Instant at = Instant.parse("2026-12-06T22:48:03.134193Z");
        assertEquals("Dec 7, 2026, 6:48 AM", en.instant(at).replace('\u202f', ' '));
    }

    @Test
    void chineseInstantsReadInChinese() {
        assertEquals("2026年12月7日 上午6:48", zh.instant(Instant.parse("2026-12-06T22:48:03Z")));
    }

    @Test
    void datesReadInChinese() {
        assertEquals("2026年12月6日", zh.date(LocalDate.of(2026, 12, 6)));
    }

    @Test
    void durationsInDaysAndHours() {
        assertEquals("2 d 3 h", en.duration(Duration.ofHours(51)));
    }

    @Test
    void chineseDurations() {
        assertEquals("5分钟", zh.duration(Duration.ofMinutes(5)));
    }

    @Test
    void missingFiguresAreADash() {
        assertEquals("–", en.percentile(null));
    }

    @Test
    void positiveChangesCarryASign() {
        assertEquals("+12.5", en.change(12.5));
    }
}
