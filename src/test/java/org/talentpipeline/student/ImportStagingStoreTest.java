package org.talentpipeline.student;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which staging tables the sweep may drop: never one a running import on any node can own. */
class ImportStagingStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

    private static String made(Duration ago, String node) {
        return ImportStagingStore.name(NOW.minus(ago), node, "a1b2c3d4");
    }

    @Test
    void aTableOlderThanTheLongestImportIsDropped() {
        assertEquals(
                true,
                ImportStagingStore.abandoned(
                        made(ImportStagingStore.LONGEST_IMPORT.plusMinutes(1), "othernode"), NOW, false));
    }

    @Test
    void theRowsTableOfAnExpiredImportIsDroppedToo() {
        assertEquals(true, ImportStagingStore.abandoned(made(Duration.ofHours(3), "othernode") + "_rows", NOW, false));
    }

    @Test
    void aRecentTableOfAnotherNodeIsKeptEvenAtStartUp() {
        assertEquals(false, ImportStagingStore.abandoned(made(Duration.ofMinutes(5), "othernode"), NOW, true));
    }

    @Test
    void aRecentTableOfThisNodeIsDroppedWhenItStarts() {
        assertEquals(
                true, ImportStagingStore.abandoned(made(Duration.ofMinutes(5), ImportStagingStore.NODE), NOW, true));
    }

    @Test
    void aRecentTableOfThisNodeIsKeptByThePeriodicSweep() {
        assertEquals(
                false, ImportStagingStore.abandoned(made(Duration.ofMinutes(5), ImportStagingStore.NODE), NOW, false));
    }

    @Test
    void aTableNamedTheOldWayIsDropped() {
        assertEquals(true, ImportStagingStore.abandoned("STUDENT_IMPORT_0123456789ABCDEF_ROWS", NOW, false));
    }

    @Test
    void anotherTableIsNeverDropped() {
        assertEquals(false, ImportStagingStore.abandoned("student_import_report", NOW, true));
    }
}
