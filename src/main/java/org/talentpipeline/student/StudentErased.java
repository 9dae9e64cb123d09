package org.talentpipeline.student;

/** A student's record was anonymised to a tombstone, fired inside the erasing transaction. */
public record StudentErased(long studentId) {}
