package org.talentpipeline.school;

/**
 * Which agencies some school approves may have changed (its approvals were set, or a school that
 * approves none was added), fired inside the changing transaction.
 */
public record ApprovalsChanged(String schoolCode) {}
