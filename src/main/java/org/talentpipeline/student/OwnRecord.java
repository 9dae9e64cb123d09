package org.talentpipeline.student;

import java.util.List;

/**
 * A student's own record as they see it: the record, whom they share with (every agency their
 * school approves, or the chosen ones), the agencies the school approves, and every consent decision.
 */
public record OwnRecord(
        StudentView student,
        boolean allAgencies,
        List<String> agencies,
        List<String> approvedAgencies,
        List<ConsentView> consents) {}
