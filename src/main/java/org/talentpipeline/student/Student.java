package org.talentpipeline.student;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.school.Program;
import org.talentpipeline.school.School;

/**
 * A student of one school, known as {@code SCHOOL/STUDENT_NUMBER}. Holds the consent rules:
 * sharing with agencies is an explicit, dated decision that can be withdrawn, every decision is
 * kept, and a student under 14 shares only with a guardian's consent on record.
 */
@Entity
@Table(name = "student")
@NamedQuery(
        name = "Student.findByRef",
        query =
                "select s from Student s join fetch s.school where s.school.code = :school and s.studentNumber = :number")
@NamedQuery(name = "Student.findById", query = "select s from Student s join fetch s.school where s.id = :id")
@NamedQuery(
        name = "Student.findGraduatedBefore",
        query = "select s from Student s join fetch s.school where s.expectedGraduationYear < :year"
                + " and s.status <> :erased order by s.expectedGraduationYear, s.id")
@NamedQuery(name = "Student.idsOfSchool", query = "select s.id from Student s where s.school.code = :school")
@NamedQuery(
        name = "Student.enrolledIdsOfSchool",
        query = "select s.id from Student s where s.school.code = :school and s.enrollmentYear <= :toYear"
                + " and s.expectedGraduationYear >= :fromYear")
public class Student {

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

    @Column(name = "name_key")
    private String nameKey;

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

    @Column(name = "guardian_consent")
    private boolean guardianConsent;

    /** The consent covers every agency the school approves; otherwise only {@link #agencies}. */
    @Column(name = "all_agencies")
    private boolean allAgencies = true;

    /** The agencies the student chose to share with, when not all approved ones. */
    @ElementCollection
    @CollectionTable(name = "student_agency", joinColumns = @JoinColumn(name = "student_id"))
    @Column(name = "agency_code")
    private Set<String> agencies = new TreeSet<>();

    /** The user name of the student's own account, once they activated an invitation. */
    private String account;

    @OneToMany(mappedBy = "student", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("recordedAt DESC")
    private List<Consent> consents = new ArrayList<>();

    @OneToMany(mappedBy = "student", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("obtainedOn DESC")
    private List<Certification> certifications = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "student_skill", joinColumns = @JoinColumn(name = "student_id"))
    @Column(name = "skill")
    private Set<String> skills = new LinkedHashSet<>();

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private int version;

    protected Student() {}

    public Student(
            School school,
            String studentNumber,
            String fullName,
            LocalDate dateOfBirth,
            String email,
            Program program,
            int enrollmentYear,
            int expectedGraduationYear,
            boolean consentToShare,
            Instant now) {
        this.school = school;
        this.studentNumber = studentNumber;
        setFullName(fullName);
        this.dateOfBirth = dateOfBirth;
        this.email = email;
        this.program = program;
        this.enrollmentYear = enrollmentYear;
        this.expectedGraduationYear = expectedGraduationYear;
        this.consentToShare = consentToShare;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The search key of a name: lower case, so that lists find "wang" in "Wang Wei". */
    public static String nameKey(String fullName) {
        return fullName.trim().toLowerCase(Locale.ROOT);
    }

    private void setFullName(String fullName) {
        this.fullName = fullName.trim();
        this.nameKey = nameKey(fullName);
    }

    /** Takes the record's new values; consent changes go through {@link #recordConsent}. */
    void update(StudentInput input, Program program, Instant now) {
        setFullName(input.fullName());
        this.dateOfBirth = input.dateOfBirth();
        this.email = blankToNull(input.email());
        this.program = program;
        this.enrollmentYear = input.enrollmentYear();
        this.expectedGraduationYear = input.expectedGraduationYear();
        if (input.status() != null) {
            this.status = input.status();
        }
        if (input.certifications() != null) {
            certifications.clear();
            input.certifications()
                    .forEach(c -> certifications.add(
                            new Certification(this, c.name().trim(), c.issuer().trim(), c.obtainedOn())));
        }
        if (input.skills() != null) {
            skills.clear();
            input.skills().forEach(s -> skills.add(s.trim()));
        }
        this.updatedAt = now;
    }

    /**
     * Records a decision to share with agencies, or to stop sharing. Refused for a student under 14
     * without a guardian's consent. Every decision is kept; the latest one applies.
     */
    public void recordConsent(
            boolean granted,
            boolean withGuardianConsent,
            String recordedBy,
            Instant at,
            Consent.Source source,
            String note,
            LocalDate today) {
        recordConsent(granted, null, withGuardianConsent, recordedBy, at, source, note, today);
    }

    /**
     * As {@link #recordConsent(boolean, boolean, String, Instant, Consent.Source, String, LocalDate)},
     * naming the agencies shared with: null for every agency the school approves, else the chosen
     * agencies' codes (at least one when granting). A withdrawal keeps no agency.
     */
    public void recordConsent(
            boolean granted,
            Set<String> chosen,
            boolean withGuardianConsent,
            String recordedBy,
            Instant at,
            Consent.Source source,
            String note,
            LocalDate today) {
        AgeRules.checkConsent(granted, dateOfBirth, today, withGuardianConsent);
        if (granted && chosen != null && chosen.isEmpty()) {
            throw new BadInput("agencies", "names no agency: leave it out to share with every approved agency");
        }
        this.consentToShare = granted;
        this.guardianConsent = granted && withGuardianConsent;
        this.allAgencies = !granted || chosen == null;
        this.agencies.clear();
        if (granted && chosen != null) {
            this.agencies.addAll(chosen);
        }
        consents.add(
                0,
                new Consent(
                        this,
                        granted,
                        this.guardianConsent,
                        recordedBy,
                        at,
                        source,
                        note,
                        granted && chosen != null ? String.join(",", new TreeSet<>(chosen)) : null));
        this.updatedAt = at;
    }

    /**
     * Whether an agency sees the student now: the student consents, their consent covers the agency,
     * and their school approves it.
     */
    public boolean sharesWith(String agencyCode) {
        return consentToShare
                && agencyCode != null
                && (allAgencies || agencies.contains(agencyCode))
                && school.approves(agencyCode);
    }

    public boolean isAllAgencies() {
        return allAgencies;
    }

    /** The chosen agencies' codes, in order; empty when the consent covers all approved agencies. */
    public List<String> getAgencies() {
        return List.copyOf(new TreeSet<>(agencies));
    }

    public String getAccount() {
        return account;
    }

    /** Links the student's own account; a student has one. */
    void linkAccount(String username) {
        if (account != null) {
            throw new Conflict("the student has an account already");
        }
        this.account = username;
    }

    /** The name a tombstone shows. */
    public static final String ERASED_NAME = "Erased student";

    /**
     * Anonymises the record to a tombstone: the number, name, birth date, e-mail, programme,
     * certifications, skills, consents and account go; the school and the years stay (so that the
     * peers' percentiles and the ratings that counted the student as a competitor do not move).
     */
    void erase(Instant now) {
        this.studentNumber = "ERASED-" + id;
        setFullName(ERASED_NAME);
        this.dateOfBirth = LocalDate.of(1900, 1, 1);
        this.email = null;
        this.program = null;
        this.status = StudentStatus.ERASED;
        this.consentToShare = false;
        this.guardianConsent = false;
        this.allAgencies = true;
        this.agencies.clear();
        this.consents.clear();
        this.certifications.clear();
        this.skills.clear();
        this.account = null;
        this.updatedAt = now;
    }

    public boolean isErased() {
        return status == StudentStatus.ERASED;
    }

    public int ageOn(LocalDate day) {
        return AgeRules.ageOn(dateOfBirth, day);
    }

    public boolean isMinorOn(LocalDate day) {
        return AgeRules.isMinorOn(dateOfBirth, day);
    }

    public boolean needsGuardianOn(LocalDate day) {
        return AgeRules.needsGuardianOn(dateOfBirth, day);
    }

    public String ref() {
        return StudentRef.format(school.getCode(), studentNumber);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
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

    public boolean isGuardianConsent() {
        return guardianConsent;
    }

    public List<Consent> getConsents() {
        return List.copyOf(consents);
    }

    public List<Certification> getCertifications() {
        return List.copyOf(certifications);
    }

    public Set<String> getSkills() {
        return Set.copyOf(skills);
    }

    /** The version an edit must start from (optimistic concurrency). */
    public int getVersion() {
        return version;
    }
}
