package org.talentpipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.talentpipeline.scoring.engine.RatingReplay;

class HistoryEntryTest {

    private static String history(int entries) {
        List<String> text = new ArrayList<>();
        for (int i = 1; i <= entries; i++) {
            text.add(new HistoryEntry(100 + i, 20_000 + i, i, 50 + i, 1500f + i, 1500.5f + i, 300f, 290.5f).encode());
        }
        return String.join(";", text);
    }

    @Test
    void theEndOfALongHistoryHoldsItsRecentEntriesWhole() {
        // the longest entries there are: every number at its widest
        HistoryEntry widest = new HistoryEntry(
                Long.MIN_VALUE,
                Integer.MIN_VALUE,
                Integer.MIN_VALUE,
                Integer.MIN_VALUE,
                -Float.MIN_NORMAL,
                -Float.MIN_NORMAL,
                -Float.MIN_NORMAL,
                -Float.MIN_NORMAL);
        String text = String.join(";", Collections.nCopies(40, widest.encode()));
        String end = text.substring(text.length() - HistoryEntry.TAIL);
        assertEquals(HistoryEntry.recent(text, RatingReplay.RECENT), HistoryEntry.recent(end, RatingReplay.RECENT));
        assertEquals(
                RatingReplay.RECENT,
                HistoryEntry.recent(end, RatingReplay.RECENT).size());
    }

    @Test
    void recentEntriesAreTheWholeParsesLastOnes() {
        for (int entries = 0; entries <= 12; entries++) {
            String text = history(entries);
            List<HistoryEntry> all = HistoryEntry.parse(text);
            for (int count = 0; count <= 10; count++) {
                assertEquals(
                        all.subList(Math.max(0, all.size() - count), all.size()),
                        HistoryEntry.recent(text, count),
                        count + " of " + entries + " entries");
            }
        }
    }

    @Test
    void anEntryWrittenBeforeDeviationsWereKeptHasNone() {
        assertEquals(
                new HistoryEntry(7, 20_000, 3, 40, 1500f, 1612.5f, Float.NaN, Float.NaN),
                HistoryEntry.parse("7:20000:3:40:1500.0:1612.5").get(0));
    }

    @Test
    void anEntryKeepsItsDeviations() {
        HistoryEntry entry = new HistoryEntry(7, 20_000, 3, 40, 1500f, 1612.5f, 500f, 310.25f);
        assertEquals(entry, HistoryEntry.parse(entry.encode()).get(0));
    }
}
