package org.talentpipeline.school;

/** What kind of school: secondary schools hold most of the minors. */
public enum SchoolType {
    UNIVERSITY,
    COLLEGE,
    VOCATIONAL,
    SECONDARY
}
