package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.NotFound;

/**
 * The ratings' analytics, counts and means only (no student is named, so nothing here is a read of
 * personal data): for a school ({@link Operation#SCHOOL_FIGURES}) the distribution of its students'
 * talent scores, its strengths by skill category beside the nation's, and the trend of its students'
 * results quarter by quarter; for the nation ({@link Operation#NATIONAL_FIGURES}) the rated students
 * by region, by school and by NICE work role, and the distribution.
 * The reads are {@link AnalyticsRows}'.
 */
@ApplicationScoped
public class RatingAnalytics {

    @Inject
    AnalyticsRows rows;

    @Inject
    Access access;

    /** A skill category: the school's students rated in it, their mean score, and the nation's mean. */
    public record CategoryStrength(String category, long students, double mean, double nationalMean) {}

    /**
     * A quarter ({@code 2026-Q2}) of the school's students' results: how many results, from how many
     * students, and their mean place as a percentile of the field ({@link Percentile#ofPlace}: 100 first, 0 last).
     */
    public record Quarter(String quarter, long results, long students, double meanPlacePercentile) {}

    public record SchoolFigures(
            String school,
            String name,
            String localName,
            long rated,
            List<RatingFigures.Bucket> distribution,
            List<CategoryStrength> categories,
            List<Quarter> trend) {}

    /** A group of rated students (a region, a school, a work role): how many, their mean and best talent score. */
    public record Group(String key, String name, long students, double mean, double best) {}

    public record NationalFigures(
            long rated,
            List<Group> regions,
            List<Group> schools,
            List<Group> workRoles,
            List<RatingFigures.Bucket> distribution) {}

    /**
     * A school's figures. A school administrator reaches their own school only: another school, like
     * one that does not exist, is not found.
     */
    public SchoolFigures school(String code) {
        Grant grant = access.require(Operation.SCHOOL_FIGURES);
        String school = code == null ? "" : code.strip();
        if (grant.schoolFilter() != null && !grant.schoolFilter().equalsIgnoreCase(school)) {
            throw new NotFound("school " + school);
        }
        return rows.school(school);
    }

    /** The nation's figures: rated students by region, by school and by work role, and the distribution. */
    public NationalFigures national() {
        access.require(Operation.NATIONAL_FIGURES);
        return rows.national();
    }
}
