package org.talentpipeline.student;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.CurrentUser;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.ApiError;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.StaleVersion;
import org.talentpipeline.school.SchoolService;
import org.talentpipeline.school.SchoolView;
import org.talentpipeline.taxonomy.NiceFramework;
import org.talentpipeline.taxonomy.WorkRole;

/**
 * A student's page: the record (new or existing), certifications, skills (NICE work roles and free
 * tags), and consent with its history. The ref and school come from the request and may change on
 * any postback: every call passes them to the service, which checks them again. The form keeps the
 * version it loaded, and a save from an old version is refused with a message.
 */
@Named
@ViewScoped
public class EditStudent implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StudentService students;

    @Inject
    SchoolService schools;

    @Inject
    NiceFramework nice;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesMessages messages;

    private String ref;
    private String school;
    private StudentView student;
    private List<ConsentView> consentHistory = List.of();
    /** The version of the record the form was filled from. */
    private long version;

    private String studentNumber;
    private String fullName;
    private LocalDate dateOfBirth;
    private String email;
    private String program;
    private Integer enrollmentYear;
    private Integer expectedGraduationYear;
    private StudentStatus status = StudentStatus.ENROLLED;
    private List<CertificationRow> certifications = new ArrayList<>();
    private List<String> workRoles = new ArrayList<>();
    private List<String> tags = new ArrayList<>();

    private boolean guardianConsent;
    private String consentNote;

    /** A certification as the form edits it. */
    public static class CertificationRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private String issuer;
        private LocalDate obtainedOn;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        public LocalDate getObtainedOn() {
            return obtainedOn;
        }

        public void setObtainedOn(LocalDate obtainedOn) {
            this.obtainedOn = obtainedOn;
        }
    }

    /**
     * Called by f:viewAction: an existing student by ref, or a new one for a school. A student or
     * school the caller may not see is the 404 page.
     */
    public void load() {
        if (ref != null && !ref.isBlank()) {
            open(students.open(ref));
            return;
        }
        school = students.visibleSchool(school);
        if (school == null) {
            messages.error("import.chooseSchool");
        }
    }

    private void open(StudentRecord record) {
        show(record.student());
        consentHistory = record.consents();
    }

    private void show(StudentView s) {
        student = s;
        version = s.version();
        ref = s.ref();
        school = s.schoolCode();
        studentNumber = s.studentNumber();
        fullName = s.fullName();
        dateOfBirth = s.dateOfBirth();
        email = s.email();
        program = s.program();
        enrollmentYear = s.enrollmentYear();
        expectedGraduationYear = s.expectedGraduationYear();
        status = s.status();
        certifications = new ArrayList<>();
        for (StudentInput.CertificationInput c : s.certifications()) {
            CertificationRow row = new CertificationRow();
            row.setName(c.name());
            row.setIssuer(c.issuer());
            row.setObtainedOn(c.obtainedOn());
            certifications.add(row);
        }
        workRoles = new ArrayList<>(
                s.skills().stream().filter(NiceFramework::looksLikeWorkRole).toList());
        tags = new ArrayList<>(s.skills().stream()
                .filter(k -> !NiceFramework.looksLikeWorkRole(k))
                .toList());
    }

    private StudentInput input() {
        Set<String> skills = new LinkedHashSet<>(workRoles);
        skills.addAll(tags);
        return new StudentInput(
                studentNumber,
                fullName,
                dateOfBirth,
                email,
                program,
                enrollmentYear,
                expectedGraduationYear,
                status,
                student == null ? Boolean.FALSE : null,
                certifications.stream()
                        .map(c -> new StudentInput.CertificationInput(c.getName(), c.getIssuer(), c.getObtainedOn()))
                        .toList(),
                skills);
    }

    public void save() throws IOException {
        try {
            if (student == null) {
                StudentView created = students.create(school, input());
                messages.info("students.created", created.ref());
                FacesContext.getCurrentInstance()
                        .getExternalContext()
                        .getFlash()
                        .setKeepMessages(true);
                FacesContext.getCurrentInstance()
                        .getExternalContext()
                        .redirect(FacesContext.getCurrentInstance()
                                        .getExternalContext()
                                        .getRequestContextPath() + "/student/edit.xhtml?ref="
                                + URLEncoder.encode(created.ref(), "UTF-8"));
                return;
            }
            show(students.update(ref, version, input()));
            messages.info("students.saved", ref);
        } catch (StaleVersion e) {
            messages.error("students.changedMeanwhile");
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (ConstraintViolationException e) {
            messages.violations(e);
        }
    }

    public void addCertification() {
        certifications.add(new CertificationRow());
    }

    public void removeCertification(CertificationRow row) {
        certifications.remove(row);
    }

    public void grantConsent() {
        consent(true);
    }

    public void withdrawConsent() {
        consent(false);
    }

    private void consent(boolean granted) {
        try {
            students.recordConsent(
                    ref,
                    new StudentService.ConsentInput(granted, null, guardianConsent, consentNote),
                    Consent.Source.FORM);
            open(students.open(ref));
            consentNote = null;
            messages.info(granted ? "consent.granted" : "consent.withdrawn");
        } catch (BadInput e) {
            messages.problems(e.problems());
        }
    }

    @Inject
    StudentAccounts accounts;

    @Inject
    Access access;

    /** Invites the student to make their account: the code is shown this once, in a message. */
    public void invite() {
        try {
            StudentAccounts.Issued issued = accounts.invite(ref);
            messages.info(
                    "students.invited",
                    issued.ref(),
                    issued.code(),
                    issued.expiresAt().toString());
        } catch (Conflict e) {
            messages.problems(List.of(new ApiError.FieldProblem("ref", e.getMessage())));
        }
    }

    public boolean isMayInvite() {
        return access.may(Operation.STUDENT_INVITE);
    }

    public String delete() {
        students.delete(ref);
        messages.info("students.deleted", ref);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/student/list?faces-redirect=true&school=" + school;
    }

    public List<ConsentView> getConsentHistory() {
        return consentHistory;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public List<String> getPrograms() {
        if (school == null) {
            return List.of();
        }
        return schools.get(school).programs().stream()
                .map(SchoolView.ProgramView::name)
                .toList();
    }

    public List<WorkRole> getAllWorkRoles() {
        return nice.workRoles();
    }

    public boolean isNew() {
        return student == null;
    }

    public StudentView getStudent() {
        return student;
    }

    public StudentStatus[] getStatuses() {
        // ERASED is an erasure's, never an edit's
        return Arrays.stream(StudentStatus.values())
                .filter(st -> st != StudentStatus.ERASED)
                .toArray(StudentStatus[]::new);
    }

    public String getRef() {
        return ref;
    }

    public void setRef(String ref) {
        this.ref = ref;
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school;
    }

    public String getStudentNumber() {
        return studentNumber;
    }

    public void setStudentNumber(String studentNumber) {
        this.studentNumber = studentNumber;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public void setDateOfBirth(LocalDate dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getProgram() {
        return program;
    }

    public void setProgram(String program) {
        this.program = program;
    }

    public Integer getEnrollmentYear() {
        return enrollmentYear;
    }

    public void setEnrollmentYear(Integer enrollmentYear) {
        this.enrollmentYear = enrollmentYear;
    }

    public Integer getExpectedGraduationYear() {
        return expectedGraduationYear;
    }

    public void setExpectedGraduationYear(Integer expectedGraduationYear) {
        this.expectedGraduationYear = expectedGraduationYear;
    }

    public StudentStatus getStatus() {
        return status;
    }

    public void setStatus(StudentStatus status) {
        this.status = status;
    }

    public List<CertificationRow> getCertifications() {
        return certifications;
    }

    public List<String> getWorkRoles() {
        return workRoles;
    }

    public void setWorkRoles(List<String> workRoles) {
        this.workRoles = workRoles == null ? new ArrayList<>() : new ArrayList<>(workRoles);
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }

    public boolean isGuardianConsent() {
        return guardianConsent;
    }

    public void setGuardianConsent(boolean guardianConsent) {
        this.guardianConsent = guardianConsent;
    }

    public String getConsentNote() {
        return consentNote;
    }

    public void setConsentNote(String consentNote) {
        this.consentNote = consentNote;
    }

    /** The certification names held already that contain the text typed: what the name field suggests. */
    public List<String> completeCertification(String typed) {
        return students.certificationNames(typed);
    }
}
