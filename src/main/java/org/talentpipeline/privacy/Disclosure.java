package org.talentpipeline.privacy;

import java.time.Instant;

/** One view or export of a student's data by an agency: when, which agency, which recruiter, what. */
public record Disclosure(Instant at, String agency, String recruiter, String action, String what) {}
