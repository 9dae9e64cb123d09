package org.talentpipeline.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SkillCategoriesTest {

    @Test
    void foldsCase() {
        assertEquals("web", SkillCategories.DEFAULT.canonical("WEB"));
    }

    @Test
    void takesASynonymToItsCanonicalName() {
        assertEquals("rev", SkillCategories.DEFAULT.canonical("Reversing"));
    }

    @Test
    void treatsHyphensUnderscoresAndSpacesAlike() {
        assertEquals("pwn", SkillCategories.DEFAULT.canonical("binary_exploitation"));
    }

    @Test
    void keepsAnUnknownNameFolded() {
        assertEquals("quantum puzzles", SkillCategories.DEFAULT.canonical("  Quantum   Puzzles "));
    }

    @Test
    void mapsACanonicalCategoryOntoAWorkRole() {
        assertEquals(new SkillCategories.Canonical("crypto", "PD-WRL-007"), SkillCategories.DEFAULT.of("Cryptography"));
    }

    @Test
    void isExtendedByAnAdminsSynonyms() {
        SkillCategories extended = new SkillCategories(Map.of("Web-Exploit", "web"), Map.of());
        assertEquals("web", extended.canonical("web exploit"));
    }

    @Test
    void givesAnAdminsNewCategoryItsWorkRole() {
        SkillCategories extended = new SkillCategories(Map.of("ics", "ot"), Map.of("OT", "DD-WRL-009"));
        assertEquals(new SkillCategories.Canonical("ot", "DD-WRL-009"), extended.of("ICS"));
    }
}
