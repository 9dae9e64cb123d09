package org.talentpipeline.student;

import java.time.LocalDate;
import java.time.Period;
import org.talentpipeline.platform.BadInput;

/**
 * The rules of a student's age, in one place: who is a minor (recruiters never see their contact
 * details) and who needs a guardian's consent on record before sharing. Where SQL must repeat a
 * rule over many rows, its form stands here beside the Java one, and {@code AgeRulesTest} holds
 * them to the same answer.
 */
public final class AgeRules {

    /** Under this age a student is a minor: recruiters never see their contact details. */
    public static final int AGE_OF_MAJORITY = 18;
    /** Under this age sharing needs a guardian's consent on record. */
    public static final int AGE_OF_DIGITAL_CONSENT = 14;
    /** What a consent without the guardian's, where one is needed, is told. */
    public static final String GUARDIAN_NEEDED =
            "a student under " + AGE_OF_DIGITAL_CONSENT + " needs a guardian's consent recorded before sharing";

    private AgeRules() {}

    public static int ageOn(LocalDate born, LocalDate day) {
        return Period.between(born, day).getYears();
    }

    public static boolean isMinorOn(LocalDate born, LocalDate day) {
        return ageOn(born, day) < AGE_OF_MAJORITY;
    }

    public static boolean needsGuardianOn(LocalDate born, LocalDate day) {
        return ageOn(born, day) < AGE_OF_DIGITAL_CONSENT;
    }

    /** Refuses a consent to share without the guardian's where the student needs it. */
    public static void checkConsent(boolean granted, LocalDate born, LocalDate today, boolean withGuardianConsent) {
        if (granted && needsGuardianOn(born, today) && !withGuardianConsent) {
            throw new BadInput("guardianConsent", GUARDIAN_NEEDED);
        }
    }

    /**
     * {@link #isMinorOn} in SQL: a student is a minor on {@code day} exactly when born after this
     * date ({@code date_of_birth > ?}).
     */
    public static LocalDate minorsBornAfter(LocalDate day) {
        return day.minusYears(AGE_OF_MAJORITY);
    }

    /**
     * {@link #needsGuardianOn} in SQL: a student needs a guardian's consent on {@code day} exactly
     * when born after this date ({@code date_of_birth > ?}).
     */
    public static LocalDate guardianNeededBornAfter(LocalDate day) {
        return day.minusYears(AGE_OF_DIGITAL_CONSENT);
    }

    /**
     * {@link #checkConsent} in SQL, over rows that hold a date of birth, a consent and whether a
     * guardian's consent is on record (column expressions given): true where the row is refused;
     * its one parameter is {@link #guardianNeededBornAfter}.
     */
    public static String consentRefusedSql(String dateOfBirth, String consent, String guardianConsent) {
        return consent + " = true and " + dateOfBirth + " > ? and " + guardianConsent + " = false";
    }
}
