package org.talentpipeline.school;

/** A school as a pick-list names it: code, name and region (public facts). */
public record SchoolListing(String code, String name, String region) {}
