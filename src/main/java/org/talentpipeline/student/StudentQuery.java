package org.talentpipeline.student;

import java.util.Locale;
import org.talentpipeline.platform.BadInput;

/**
 * Which students a list shows. {@code name} matches the start of the name, ignoring case; the
 * other filters match exactly. {@code school} is required for a SCHOOL_ADMIN and forced to their own.
 */
public record StudentQuery(
        String school,
        String name,
        String studentNumber,
        StudentStatus status,
        Integer graduationYear,
        Boolean consent,
        Sort sort,
        boolean descending) {

    /** The orders a list can take; each is served by an index. */
    public enum Sort {
        NAME("s.nameKey"),
        NUMBER("s.studentNumber"),
        GRADUATION("s.expectedGraduationYear"),
        ENROLLMENT("s.enrollmentYear");

        final String path;

        Sort(String path) {
            this.path = path;
        }

        public static Sort parse(String text) {
            if (text == null || text.isBlank()) {
                return NAME;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "name", "fullname" -> NAME;
                case "number", "studentnumber" -> NUMBER;
                case "graduation", "expectedgraduationyear" -> GRADUATION;
                case "enrollment", "enrollmentyear" -> ENROLLMENT;
                default -> throw new BadInput("sort", "must be name, number, graduation or enrollment");
            };
        }
    }

    public static StudentQuery ofSchool(String school) {
        return new StudentQuery(school, null, null, null, null, null, Sort.NAME, false);
    }

    public StudentQuery inSchool(String code) {
        return new StudentQuery(code, name, studentNumber, status, graduationYear, consent, sort, descending);
    }
}
