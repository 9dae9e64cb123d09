package org.talentpipeline.search;

/**
 * The candidate table (V11): each rated student's overall talent score beside their school's
 * region, their consent (and whether it covers every agency the school approves) and their graduation year, for the search within a region. Derived data:
 * the rating writes fill it, and every change to what it copies brings the changed students' rows
 * in line in the same transaction ({@link #follow}). The search reads each listed student's
 * consent from the student's own row again, so a row a moment behind never lists anyone.
 */
public final class CandidateTable {

    /** Its columns: the student, what is copied from their records, and the score. */
    public static final String[] COLUMNS = {"student_id", "region", "consent_to_share", "graduation_year", "all_agencies",
        "talent_score"};
    /** Its search index's columns (V11's {@code candidate_region_ix}), in the search's order. */
    public static final String INDEXED = "region, talent_score desc, student_id, consent_to_share, graduation_year, all_agencies";
    /** The student's records the copied columns come from. */
    public static final String RECORDS = "student st join school sc on sc.id = st.school_id";
    /** The copied columns' values in {@link #RECORDS}, in {@link #COLUMNS}' order. */
    public static final String COPIED = "sc.region, st.consent_to_share, st.expected_graduation_year as graduation_year,"
            + " st.all_agencies";

    private CandidateTable() {
    }

    /** The copied columns' values for the student whose id is the SQL expression {@code id}, one subquery each. */
    public static String copiedOf(String id) {
        return "(select sc.region from " + RECORDS + " where st.id = " + id + "), (select st.consent_to_share from student st"
                + " where st.id = " + id + "), (select st.expected_graduation_year from student st where st.id = " + id + "),"
                + " (select st.all_agencies from student st where st.id = " + id + ")";
    }

    /**
     * An update bringing the rows of the students {@code condition} selects (on
     * {@code candidate.student_id}) in line with their records; rows already in line are not
     * written (on H2 a write in place is slow, and an import of unchanged students should not pay).
     * Run after the records' change, in its transaction (a JPA change flushed first).
     */
    public static String follow(String condition) {
        return "update candidate set (region, consent_to_share, graduation_year, all_agencies) = (select " + COPIED + " from "
                + RECORDS + " where st.id = candidate.student_id) where " + condition + " and exists (select 1 from " + RECORDS
                + " where st.id = candidate.student_id and (sc.region <> candidate.region"
                + " or st.consent_to_share <> candidate.consent_to_share or st.all_agencies <> candidate.all_agencies"
                + " or st.expected_graduation_year <> candidate.graduation_year))";
    }
}
