package org.talentpipeline.certification.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.talentpipeline.audit.AuditEntry;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.certification.ApplicationSummary;
import org.talentpipeline.certification.CertificationService;
import org.talentpipeline.certification.Programme;
import org.talentpipeline.identity.CurrentUser;
import org.talentpipeline.platform.Charts;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.Formats;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.school.SchoolService;
import org.talentpipeline.school.SchoolView;
import org.talentpipeline.scoring.RatingFigures;
import org.talentpipeline.student.StudentService;

/**
 * A school admin's home: the school's students, rated and consenting, its top talents, the latest
 * views of its students by agencies, its certification and the deadlines of the open cycles. Each
 * figure comes from the area that owns it, under the policy.
 */
@Named
@RequestScoped
public class SchoolHome {

    static final int LISTED = 5;

    @Inject
    CurrentUser currentUser;

    @Inject
    StudentService students;

    @Inject
    RatingFigures ratings;

    @Inject
    AuditLog audit;

    @Inject
    SchoolService schools;

    @Inject
    Programme programme;

    @Inject
    CertificationService certification;

    @Inject
    FacesMessages messages;

    @Inject
    Formats fmt;

    private StudentService.SchoolStudents studentFigures;
    private RatingFigures.SchoolRatings ratingFigures;

    public StudentService.SchoolStudents getStudents() {
        if (studentFigures == null) {
            studentFigures = students.figures(currentUser.getSchoolCode());
        }
        return studentFigures;
    }

    public RatingFigures.SchoolRatings getRatings() {
        if (ratingFigures == null) {
            ratingFigures = ratings.school(currentUser.getSchoolCode());
        }
        return ratingFigures;
    }

    /** The distribution of the school's talent scores, for {@code p:chart}. */
    public String getDistributionChart() {
        List<RatingFigures.Bucket> buckets = getRatings().distribution();
        return Charts.bar(
                messages.text("home.students"),
                buckets.stream().map(b -> fmt.count(b.from())).toList(),
                buckets.stream().map(RatingFigures.Bucket::students).toList());
    }

    public List<AuditEntry> getAgencyViews() {
        return audit.agencyViews(new PageRequest(0, LISTED)).items();
    }

    public SchoolView.Certification getCertification() {
        return schools.get(currentUser.getSchoolCode()).certification();
    }

    public List<Programme.CycleView> getCycles() {
        return programme.cyclesNotClosed();
    }

    public List<ApplicationSummary> getApplications() {
        return certification.applications(null, new PageRequest(0, LISTED)).items();
    }
}
