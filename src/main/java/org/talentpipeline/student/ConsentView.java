package org.talentpipeline.student;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a student's consent history: granted or withdrawn, the agencies it named (null for
 * every agency the school approves), with whom and how it was recorded.
 */
public record ConsentView(
        boolean granted,
        boolean guardianConsent,
        String recordedBy,
        Instant recordedAt,
        String source,
        String note,
        List<String> agencies) {

    static ConsentView of(Consent c) {
        return new ConsentView(
                c.isGranted(),
                c.isGuardianConsent(),
                c.getRecordedBy(),
                c.getRecordedAt(),
                c.getSource().name(),
                c.getNote(),
                c.getAgencies() == null ? null : List.of(c.getAgencies().split(",")));
    }
}
