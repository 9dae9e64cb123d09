package org.talentpipeline.certification;

/** A finding of a decision: a criterion's code, DEFICIENCY, WEAKNESS or CONCERN, and what was found. */
public record FindingInput(String criterion, String severity, String text) {}
