package org.talentpipeline.student;

import java.time.Instant;

/** One entry of a student's consent history. */
public record ConsentView(boolean granted, boolean guardianConsent, String recordedBy, Instant recordedAt, String source,
        String note) {

    static ConsentView of(Consent c) {
        return new ConsentView(c.isGranted(), c.isGuardianConsent(), c.getRecordedBy(), c.getRecordedAt(),
                c.getSource().name(), c.getNote());
    }
}
