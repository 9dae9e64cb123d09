package org.talentpipeline.search;

/**
 * One candidate as a recruiter sees them: a minor without contact details. {@code categoryScore}
 * is the talent score in the searched category; {@code fit} the score that the fit sort uses;
 * {@code schoolCertified} whether the school holds the World-Class certification.
 */
public record CandidateRow(
        String ref,
        String fullName,
        String school,
        String schoolName,
        String region,
        int expectedGraduationYear,
        double talentScore,
        Double categoryScore,
        Double fit,
        String email,
        boolean minor,
        boolean schoolCertified) {}
