package org.talentpipeline.certification;

/** A reviewer's score for one criterion, with the comment that justifies it. */
public record ScoreInput(String criterion, Integer score, String comment) {}
