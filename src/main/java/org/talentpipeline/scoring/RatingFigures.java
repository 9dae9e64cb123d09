package org.talentpipeline.scoring;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.student.StudentRef;

/**
 * The ratings counted for people: a school's rated students, its top talents and the distribution of
 * their talent scores ({@link Operation#SCHOOL_FIGURES}); the nation's rated students by region and
 * its distribution ({@link Operation#NATIONAL_FIGURES}). Counted when asked, as the report's
 * percentiles are, from the overall ratings and the students they belong to.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class RatingFigures {

    /** The width of a bar of the distribution, in talent-score points. */
    public static final int BUCKET = 250;

    public static final int TOP = 5;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

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

    private static final String OF_SCHOOL = " from rating r join student st on st.id = r.student_id"
            + " join school sc on sc.id = st.school_id where r.category = '' and sc.code = ?";

    /** The caller's school's figures (an ADMIN names the school). */
    public SchoolRatings school(String code) {
        Grant grant = access.require(Operation.SCHOOL_FIGURES);
        String school = grant.schoolFilter() != null ? grant.schoolFilter() : code;
        if (school == null || school.isBlank()) {
            throw new BadInput("school", "name the school");
        }
        try (Connection c = dataSource.getConnection()) {
            long rated = single(c, "select count(*)" + OF_SCHOOL, school);
            List<Talent> top = new ArrayList<>();
            try (PreparedStatement s =
                    c.prepareStatement("select sc.code, st.student_number, st.full_name, r.talent_score, r.events"
                            + OF_SCHOOL + " order by r.talent_score desc, st.id")) {
                s.setString(1, school);
                s.setMaxRows(TOP);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        top.add(new Talent(
                                StudentRef.format(rs.getString(1), rs.getString(2)),
                                rs.getString(3),
                                rs.getDouble(4),
                                rs.getInt(5)));
                    }
                }
            }
            audit.recordRead(
                    AuditAction.VIEW,
                    "top talents of " + school,
                    top.stream()
                            .map(t -> new AuditLog.Subject("student:" + t.ref(), school))
                            .toList());
            return new SchoolRatings(school, rated, top, buckets(c, OF_SCHOOL, school));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rated students by region and the national distribution. */
    public NationalRatings national() {
        access.require(Operation.NATIONAL_FIGURES);
        String of = " from rating r join student st on st.id = r.student_id join school sc on sc.id = st.school_id"
                + " where r.category = ''";
        try (Connection c = dataSource.getConnection()) {
            long rated = single(c, "select count(*) from rating r where r.category = ''", null);
            List<Count> byRegion = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select sc.region, count(*)" + of
                            + " group by sc.region order by count(*) desc, sc.region");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byRegion.add(new Count(rs.getString(1), rs.getLong(2)));
                }
            }
            return new NationalRatings(rated, byRegion, buckets(c, " from rating r where r.category = ''", null));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Bucket> buckets(Connection c, String of, String parameter) throws SQLException {
        List<Bucket> buckets = new ArrayList<>();
        String bucket = "floor(r.talent_score / " + BUCKET + ")";
        try (PreparedStatement s = c.prepareStatement(
                "select " + bucket + ", count(*)" + of + " group by " + bucket + " order by " + bucket)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    buckets.add(new Bucket(rs.getInt(1) * BUCKET, rs.getLong(2)));
                }
            }
        }
        return buckets;
    }

    private static long single(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
