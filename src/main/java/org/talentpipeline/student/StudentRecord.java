package org.talentpipeline.student;

import java.util.List;

/** A student's record with their consent history, newest first: what the student's page shows. */
public record StudentRecord(StudentView student, List<ConsentView> consents) {}
