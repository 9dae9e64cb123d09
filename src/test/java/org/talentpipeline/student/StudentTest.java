package org.talentpipeline.student;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.school.School;
import org.talentpipeline.school.SchoolType;

class StudentTest {

    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 5, 1);
    static final School SCHOOL =
            new School("XDU", "Xidian University", null, "Northwest", "Xi'an", SchoolType.UNIVERSITY, NOW);

    static Student bornOn(LocalDate born) {
        return new Student(SCHOOL, "S1", "Wang Wei", born, null, null, 2024, 2028, false, NOW);
    }

    @Test
    void isAMinorUntilTheEighteenthBirthday() {
        Student s = bornOn(LocalDate.of(2008, 5, 2));
        assertTrue(s.isMinorOn(TODAY));
        assertFalse(s.isMinorOn(LocalDate.of(2026, 5, 2)));
        assertEquals("XDU/S1", s.ref());
    }

    @Test
    void consentIsKeptAsAHistoryNewestFirst() {
        Student s = bornOn(LocalDate.of(2004, 1, 1));
        s.recordConsent(true, false, "alice", NOW, Consent.Source.FORM, "form 12", TODAY);
        assertTrue(s.isConsentToShare());
        s.recordConsent(false, false, "bob", NOW.plusSeconds(60), Consent.Source.API, null, TODAY);
        assertFalse(s.isConsentToShare());
        List<Consent> history = s.getConsents();
        assertEquals(2, history.size());
        assertEquals("bob", history.get(0).getRecordedBy());
        assertFalse(history.get(0).isGranted());
        assertEquals("form 12", history.get(1).getNote());
    }

    @Test
    void underFourteenSharingNeedsAGuardian() {
        Student young = bornOn(TODAY.minusYears(13));
        BadInput refused = assertThrows(
                BadInput.class, () -> young.recordConsent(true, false, "alice", NOW, Consent.Source.FORM, null, TODAY));
        assertEquals("guardianConsent", refused.problems().get(0).field());
        assertFalse(young.isConsentToShare());
        assertTrue(young.getConsents().isEmpty(), "a refused decision leaves no trace");

        young.recordConsent(true, true, "alice", NOW, Consent.Source.FORM, null, TODAY);
        assertTrue(young.isConsentToShare());
        assertTrue(young.isGuardianConsent());
        young.recordConsent(false, true, "alice", NOW, Consent.Source.FORM, null, TODAY);
        assertFalse(young.isGuardianConsent(), "withdrawing clears the guardian's consent too");
    }

    @Test
    void fourteenYearOldsDecideForThemselves() {
        Student fourteen = bornOn(TODAY.minusYears(14));
        fourteen.recordConsent(true, false, "alice", NOW, Consent.Source.FORM, null, TODAY);
        assertTrue(fourteen.isConsentToShare());
    }

    @Test
    void nameKeysIgnoreCaseAndSurroundingSpace() {
        assertEquals("wang wei", Student.nameKey("  Wang Wei "));
        assertEquals("王伟", Student.nameKey("王伟"));
    }

    @Test
    void crossFieldRulesNameTheirField() {
        StudentInput input = new StudentInput(
                "S1", "Wang", LocalDate.of(2004, 1, 1), null, null, 2024, 2023, null, null, null, null);
        assertEquals(
                List.of("expectedGraduationYear"),
                input.crossFieldProblems().stream().map(p -> p.field()).toList());
        StudentInput tooYoungToEnrol = new StudentInput(
                "S1", "Wang", LocalDate.of(2022, 1, 1), null, null, 2024, 2028, null, null, null, null);
        assertEquals(
                List.of("enrollmentYear"),
                tooYoungToEnrol.crossFieldProblems().stream()
                        .map(p -> p.field())
                        .toList());
    }
}
