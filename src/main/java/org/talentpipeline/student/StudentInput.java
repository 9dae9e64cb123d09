package org.talentpipeline.student;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.talentpipeline.platform.ApiError.FieldProblem;

/**
 * A student's record as a school enters it: the form, {@code POST/PUT} on the API, or one CSV row.
 * The program is named (it must be one of the school's programmes). Certifications and skills
 * are optional; a CSV row carries neither.
 */
public record StudentInput(
        @NotBlank(message = "is required")
                @Size(max = 40, message = "must be at most 40 characters")
                @Pattern(regexp = "[\\p{L}\\p{N}._-]*", message = "may hold only letters, digits, '.', '_' and '-'")
                String studentNumber,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String fullName,
        @NotNull(message = "is required (YYYY-MM-DD)") @Past(message = "must be a date in the past")
                LocalDate dateOfBirth,
        @Email(message = "must be a valid email address") @Size(max = 254, message = "must be at most 254 characters")
                String email,
        String program,
        @NotNull(message = "is required")
                @Min(value = 1950, message = "must be 1950 or later")
                @Max(value = 2100, message = "must be 2100 or earlier")
                Integer enrollmentYear,
        @NotNull(message = "is required")
                @Min(value = 1950, message = "must be 1950 or later")
                @Max(value = 2100, message = "must be 2100 or earlier")
                Integer expectedGraduationYear,
        StudentStatus status,
        Boolean consentToShare,
        @Valid List<CertificationInput> certifications,
        Set<
                        @NotBlank(message = "must not be blank")
                        @Size(max = 100, message = "must be at most 100 characters") String>
                skills) {

    /** The same record for a given student number (an update names the student in its path). */
    public StudentInput withStudentNumber(String number) {
        return new StudentInput(
                number,
                fullName,
                dateOfBirth,
                email,
                program,
                enrollmentYear,
                expectedGraduationYear,
                status,
                consentToShare,
                certifications,
                skills);
    }

    /** Rules across fields, which single-field constraints cannot express. */
    public List<FieldProblem> crossFieldProblems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (enrollmentYear != null && expectedGraduationYear != null && expectedGraduationYear < enrollmentYear) {
            problems.add(new FieldProblem("expectedGraduationYear", "must not be before the enrolment year"));
        }
        if (dateOfBirth != null && dateOfBirth.getYear() < 1900) {
            problems.add(new FieldProblem("dateOfBirth", "must be a real date of birth (after 1900)"));
        }
        if (dateOfBirth != null && enrollmentYear != null && enrollmentYear < dateOfBirth.getYear() + 5) {
            problems.add(new FieldProblem("enrollmentYear", "must be at least five years after the date of birth"));
        }
        return problems;
    }

    /** A certification the student holds: name, issuer, and the date it was obtained. */
    public record CertificationInput(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
                    String issuer,
            @NotNull(message = "is required (YYYY-MM-DD)") @Past(message = "must be a date in the past")
                    LocalDate obtainedOn) {}
}
