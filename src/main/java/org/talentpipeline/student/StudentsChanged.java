package org.talentpipeline.student;

/**
 * Students' records changed (consent, agencies shared with, graduation year, ...), fired inside the
 * changing transaction once the change is written (JPA changes flushed), so that the areas that
 * copy from them bring their copies in line. Which students is a selector, so that a bulk change
 * stays one set-based statement: one student, or the students an import batch updated.
 *
 * @param studentId the student, for {@link #of(long)}
 * @param updatedIds for an import batch, a query whose one column is the updated students' ids
 */
public record StudentsChanged(Long studentId, String updatedIds) {

    public StudentsChanged {
        if ((studentId == null) == (updatedIds == null)) {
            throw new IllegalArgumentException("one selector: a student or an import batch");
        }
    }

    /** One student's records changed. */
    public static StudentsChanged of(long studentId) {
        return new StudentsChanged(studentId, null);
    }

    /** An import batch updated the students that this query (one column of ids) selects. */
    static StudentsChanged batch(String updatedIds) {
        return new StudentsChanged(null, updatedIds);
    }
}
