package org.talentpipeline.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NiceFrameworkTest {

    final NiceFramework nice = new NiceFramework();

    @Test
    void readsTheNistReleaseCounts() {
        assertEquals(5, nice.categories().size());
        assertEquals(41, nice.workRoles().size());
        assertTrue(nice.categories().containsKey("PD"));
    }

    @Test
    void aWorkRoleHasItsCategoryAndStatements() {
        WorkRole role = nice.workRoles().get(0);
        assertEquals(role.id().substring(0, 2), role.category());
        assertFalse(nice.statementsOf(role.id()).isEmpty());
        assertTrue(nice.statementsOf(role.id()).stream()
                .allMatch(s -> s.text() != null && !s.text().isBlank()));
        int links = nice.workRoles().stream()
                .mapToInt(r -> nice.statementsOf(r.id()).size())
                .sum();
        // 2,857 knowledge, 1,429 task and 1,048 skill links in the release (of 5,460 relationships)
        assertEquals(5334, links);
    }

    @Test
    void tellsWorkRoleIdsFromFreeTags() {
        assertTrue(NiceFramework.looksLikeWorkRole("PD-WRL-003"));
        assertFalse(NiceFramework.looksLikeWorkRole("web exploitation"));
        assertTrue(nice.workRole("PD-WRL-003").isPresent());
        assertTrue(nice.workRole("PD-WRL-999").isEmpty());
    }

    @Test
    void labelsAWorkRoleByIdAndTitle() {
        assertEquals("PD-WRL-003 " + nice.workRole("PD-WRL-003").orElseThrow().title(), nice.label("PD-WRL-003"));
        assertEquals("PD-WRL-999", nice.label("PD-WRL-999"));
        assertEquals("", nice.label(null));
    }
}
