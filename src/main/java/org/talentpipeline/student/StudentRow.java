package org.talentpipeline.student;

import java.time.LocalDate;

/** A student as a list shows it, read by one query (never entity by entity). */
public record StudentRow(
        long id,
        String schoolCode,
        String studentNumber,
        String fullName,
        LocalDate dateOfBirth,
        String email,
        String program,
        int enrollmentYear,
        int expectedGraduationYear,
        StudentStatus status,
        boolean consentToShare) {

    public String ref() {
        return StudentRef.format(schoolCode, studentNumber);
    }
}
