package org.talentpipeline.student;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.talentpipeline.school.Program;
import org.talentpipeline.school.School;

/** A student of one school, known as {@code SCHOOL/STUDENT_NUMBER}. */
@Entity
@Table(name = "student")
public class Student {

    /** Under this age a student is a minor: recruiters never see their contact details. */
    public static final int AGE_OF_MAJORITY = 18;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "student_seq")
    @SequenceGenerator(name = "student_seq", sequenceName = "student_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id")
    private School school;

    @Column(name = "student_number")
    private String studentNumber;

    @Column(name = "full_name")
    private String fullName;

    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    private String email;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "program_id")
    private Program program;

    @Column(name = "enrollment_year")
    private int enrollmentYear;

    @Column(name = "expected_graduation_year")
    private int expectedGraduationYear;

    @Enumerated(EnumType.STRING)
    private StudentStatus status = StudentStatus.ENROLLED;

    @Column(name = "consent_to_share")
    private boolean consentToShare;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private int version;

    protected Student() {
    }

    public Student(School school, String studentNumber, String fullName, LocalDate dateOfBirth, String email,
            Program program, int enrollmentYear, int expectedGraduationYear, boolean consentToShare, Instant now) {
        this.school = school;
        this.studentNumber = studentNumber;
        this.fullName = fullName;
        this.dateOfBirth = dateOfBirth;
        this.email = email;
        this.program = program;
        this.enrollmentYear = enrollmentYear;
        this.expectedGraduationYear = expectedGraduationYear;
        this.consentToShare = consentToShare;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public boolean isMinorOn(LocalDate day) {
        return Period.between(dateOfBirth, day).getYears() < AGE_OF_MAJORITY;
    }

    public String ref() {
        return school.getCode() + "/" + studentNumber;
    }

    public Long getId() {
        return id;
    }

    public School getSchool() {
        return school;
    }

    public String getStudentNumber() {
        return studentNumber;
    }

    public String getFullName() {
        return fullName;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public String getEmail() {
        return email;
    }

    public Program getProgram() {
        return program;
    }

    public int getEnrollmentYear() {
        return enrollmentYear;
    }

    public int getExpectedGraduationYear() {
        return expectedGraduationYear;
    }

    public StudentStatus getStatus() {
        return status;
    }

    public boolean isConsentToShare() {
        return consentToShare;
    }
}
