package org.talentpipeline.certification;

import java.time.Instant;
import java.time.LocalDate;

/** An application as lists show it. */
public record ApplicationSummary(
        long id,
        String school,
        String schoolName,
        String cycle,
        ApplicationState state,
        Instant submittedAt,
        Instant decidedAt,
        LocalDate certifiedFrom,
        LocalDate certifiedUntil) {}
