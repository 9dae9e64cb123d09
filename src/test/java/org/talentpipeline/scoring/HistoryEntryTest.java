package org.talentpipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryEntryTest {

    private static String history(int entries) {
        String text = null;
        for (int i = 1; i <= entries; i++) {
            text = HistoryEntry.append(text, new HistoryEntry(100 + i, 20_000 + i, i, 50 + i, 1500f + i, 1500.5f + i));
        }
        return text;
    }

    @Test
    void recentEntriesAreTheWholeParsesLastOnes() {
        for (int entries = 0; entries <= 12; entries++) {
            String text = history(entries);
            List<HistoryEntry> all = HistoryEntry.parse(text);
            for (int count = 0; count <= 10; count++) {
                assertEquals(all.subList(Math.max(0, all.size() - count), all.size()), HistoryEntry.recent(text, count),
                        count + " of " + entries + " entries");
            }
        }
    }
}
