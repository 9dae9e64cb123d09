package org.talentpipeline.school;

/** A school's region changed, fired inside the changing transaction once the change is written. */
public record SchoolMoved(long schoolId, String region) {}
