package org.talentpipeline.student;

import java.time.LocalDate;
import java.util.List;

/**
 * A student's whole record, as the school (and ADMIN) sees it on the page and through the API, with
 * the version an edit of it starts from (the API's {@code ETag}).
 */
public record StudentView(
        long id,
        String ref,
        String schoolCode,
        String studentNumber,
        String fullName,
        LocalDate dateOfBirth,
        String email,
        String program,
        int enrollmentYear,
        int expectedGraduationYear,
        StudentStatus status,
        boolean consentToShare,
        boolean guardianConsent,
        boolean minor,
        List<StudentInput.CertificationInput> certifications,
        List<String> skills,
        long version) {

    /** The same view without contact details and date of birth (a minor, as recruiters see them). */
    public StudentView withoutContact() {
        return new StudentView(
                id,
                ref,
                schoolCode,
                studentNumber,
                fullName,
                null,
                null,
                program,
                enrollmentYear,
                expectedGraduationYear,
                status,
                consentToShare,
                guardianConsent,
                minor,
                certifications,
                skills,
                version);
    }

    static StudentView of(Student s, LocalDate today) {
        return new StudentView(
                s.getId(),
                s.ref(),
                s.getSchool().getCode(),
                s.getStudentNumber(),
                s.getFullName(),
                s.getDateOfBirth(),
                s.getEmail(),
                s.getProgram() == null ? null : s.getProgram().getName(),
                s.getEnrollmentYear(),
                s.getExpectedGraduationYear(),
                s.getStatus(),
                s.isConsentToShare(),
                s.isGuardianConsent(),
                s.isMinorOn(today),
                s.getCertifications().stream()
                        .map(c -> new StudentInput.CertificationInput(c.getName(), c.getIssuer(), c.getObtainedOn()))
                        .toList(),
                s.getSkills().stream().sorted().toList(),
                s.getVersion());
    }
}
