package org.talentpipeline.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.talentpipeline.platform.Conflict;

class StageTest {

    @Test
    void openStagesFollowOneAnotherAndAnyOpenStageMayBeDeclinedOrWithdrawn() {
        assertTrue(Stage.SHORTLISTED.mayMoveTo(Stage.CONTACTED));
        assertTrue(Stage.CONTACTED.mayMoveTo(Stage.INTERVIEWING));
        assertTrue(Stage.INTERVIEWING.mayMoveTo(Stage.OFFERED));
        assertTrue(Stage.OFFERED.mayMoveTo(Stage.PLACED));
        assertFalse(Stage.SHORTLISTED.mayMoveTo(Stage.OFFERED), "no skipping");
        assertFalse(Stage.INTERVIEWING.mayMoveTo(Stage.CONTACTED), "no going back");
        for (Stage open : List.of(Stage.SHORTLISTED, Stage.CONTACTED, Stage.INTERVIEWING, Stage.OFFERED)) {
            assertTrue(open.mayMoveTo(Stage.DECLINED) && open.mayMoveTo(Stage.WITHDRAWN), open.name());
        }
        for (Stage last : List.of(Stage.PLACED, Stage.DECLINED, Stage.WITHDRAWN)) {
            for (Stage any : Stage.values()) {
                assertFalse(last.mayMoveTo(any), last + " is final");
            }
        }
    }

    @Test
    void aPlacementRecordsEveryMoveAndRefusesAnIllegalOneWithAConflict() {
        JobPosition position = new JobPosition(
                new Agency("NCSC", "National", Instant.EPOCH), "Analyst", null, List.of(), 1, null, Instant.EPOCH);
        Placement p = new Placement(position, 7, "recruiter", "first look", Instant.parse("2026-01-01T00:00:00Z"));
        p.moveTo(Stage.CONTACTED, "recruiter", " called ", Instant.parse("2026-01-02T00:00:00Z"));
        assertThrows(Conflict.class, () -> p.moveTo(Stage.PLACED, "recruiter", null, Instant.now()));
        assertEquals(Stage.CONTACTED, p.getStage());
        assertEquals(2, p.getHistory().size());
        assertEquals("called", p.getHistory().get(1).getNote());
        assertEquals("recruiter", p.getHistory().get(1).getActor());
        position.change("Analyst", null, List.of(), 1, null, false);
        assertThrows(
                Conflict.class,
                () -> new Placement(position, 8, "recruiter", null, Instant.now()),
                "a closed position");
    }
}
