package org.talentpipeline.school;

import jakarta.json.bind.annotation.JsonbTransient;
import java.time.LocalDate;
import java.util.List;

/** A school as lists, pages and the API show it, with the version an edit starts from (the API's ETag). */
public record SchoolView(
        String code,
        String name,
        String localName,
        String region,
        String city,
        SchoolType type,
        List<ProgramView> programs,
        Certification certification,
        long version) {

    /** The school's certification as the programme last decided it: NONE, CERTIFIED, EXPIRED or REVOKED. */
    public record Certification(String status, LocalDate from, LocalDate until) {

        public static final String NONE = "NONE";
        public static final String CERTIFIED = "CERTIFIED";

        @JsonbTransient
        public boolean isCertified() {
            return CERTIFIED.equals(status);
        }
    }

    public record ProgramView(long id, String name, String level) {}

    /** The name people read: the local name beside the English one where there is one. */
    public String displayName() {
        return localName == null ? name : name + " · " + localName;
    }
}
