package org.talentpipeline.student;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StudentRefTest {

    @Test
    void parsesSchoolCodeInUpperCaseAndTheNumberAsWritten() {
        assertEquals(Optional.of(new StudentRef("XDU", "2023a01")), StudentRef.parse("xdu/2023a01"));
    }

    @Test
    void theNumberIsEverythingAfterTheFirstSlash() {
        assertEquals(Optional.of(new StudentRef("XDU", "A/B")), StudentRef.parse("XDU/A/B"));
    }

    @Test
    void anIdOrATeamNameIsNoRef() {
        assertEquals(Optional.empty(), StudentRef.parse("12345"));
        assertEquals(Optional.empty(), StudentRef.parse("/12345"));
        assertEquals(Optional.empty(), StudentRef.parse(null));
        assertFalse(StudentRef.isRef("Team Rocket"));
        assertTrue(StudentRef.isRef("XDU/1"));
    }

    @Test
    void printsWhatItParses() {
        assertEquals(
                "XDU/2023001", StudentRef.parse("XDU/2023001").orElseThrow().toString());
        assertEquals("XDU/2023001", StudentRef.format("XDU", "2023001"));
    }
}
