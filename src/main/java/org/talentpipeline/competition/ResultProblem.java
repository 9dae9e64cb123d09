package org.talentpipeline.competition;

/** What is wrong with a result file: the row (CSV line, or JSON entry from 1; 0 for the whole file), field, reason. */
public record ResultProblem(int row, String field, String message) {}
