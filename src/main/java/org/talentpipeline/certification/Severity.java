package org.talentpipeline.certification;

/**
 * How serious a finding in a decision is, the accreditation way: a DEFICIENCY fails a criterion (no
 * certification while one stands), a WEAKNESS risks failing it, a CONCERN is worth watching.
 */
public enum Severity {
    DEFICIENCY,
    WEAKNESS,
    CONCERN
}
