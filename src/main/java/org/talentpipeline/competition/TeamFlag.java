package org.talentpipeline.competition;

/** A dynamic flag: the text that solves a challenge for one team only (CTFd's per-team flags). */
public record TeamFlag(String challenge, String competitor, String flag) {}
