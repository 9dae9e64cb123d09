package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.student.StudentRefRows;
import org.talentpipeline.student.StudentService;

/**
 * The ratings counted for people: a school's rated students, its top talents and the distribution of
 * their talent scores ({@link Operation#SCHOOL_FIGURES}); the nation's rated students by region and
 * its distribution ({@link Operation#NATIONAL_FIGURES}). Counted when asked, as the report's
 * percentiles are, from the overall ratings and the students they belong to: a school's students
 * are asked of the student area (their ids) and their ratings counted here ({@link RatingReadRows});
 * the nation's count by region is the one figure whose join with the student area's tables stays in
 * SQL, as the count of a million students' ratings (see {@link RatingReadRows}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class RatingFigures {

    /** The width of a bar of the distribution, in talent-score points. */
    public static final int BUCKET = 250;

    public static final int TOP = 5;

    @Inject
    RatingReadRows rows;

    @Inject
    StudentService students;

    @Inject
    StudentRefRows refs;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    public record Talent(String ref, String fullName, double talentScore, int events) {}

    /** Students whose talent score is at least {@code from} and below {@code from + BUCKET}. */
    public record Bucket(int from, long students) {}

    public record Count(String name, long students) {}

    public record SchoolRatings(String school, long rated, List<Talent> top, List<Bucket> distribution) {}

    public record NationalRatings(long rated, List<Count> byRegion, List<Bucket> distribution) {}

    /** The caller's school's figures (an ADMIN names the school). */
    public SchoolRatings school(String code) {
        Grant grant = access.require(Operation.SCHOOL_FIGURES);
        String school = grant.schoolFilter() != null ? grant.schoolFilter() : code;
        if (school == null || school.isBlank()) {
            throw new BadInput("school", "name the school");
        }
        List<Long> students = this.students.idsOfSchool(school);
        long rated = rows.overallRated(students);
        List<RatingReadRows.Overall> best = rows.best(students, TOP);
        Map<Long, StudentRefRows.Named> named =
                refs.named(best.stream().map(RatingReadRows.Overall::student).toList());
        List<Talent> top = best.stream()
                // a student deleted since (their ratings go with them) is not listed, as the join left them out
                .filter(o -> named.containsKey(o.student()))
                .map(o -> new Talent(
                        named.get(o.student()).ref().toString(),
                        named.get(o.student()).fullName(),
                        o.talentScore(),
                        o.events()))
                .toList();
        audit.recordRead(
                AuditAction.VIEW,
                "top talents of " + school,
                top.stream()
                        .map(t -> new AuditLog.Subject("student:" + t.ref(), school))
                        .toList());
        return new SchoolRatings(school, rated, top, rows.distribution(students, BUCKET));
    }

    /** Rated students by region and the national distribution. */
    public NationalRatings national() {
        access.require(Operation.NATIONAL_FIGURES);
        return new NationalRatings(rows.overallRated(null), rows.overallByRegion(), rows.distribution(null, BUCKET));
    }
}
