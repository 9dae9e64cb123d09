package org.talentpipeline.competition;

import java.time.Instant;

/**
 * One flag submitted at a CTFd event, right or wrong: the challenge, the team (or the individual
 * competitor), the member who sent it when CTFd names them, when, whether CTFd judged it correct,
 * and the text provided. Wrong submissions are the evidence of a flag copied from another team.
 */
public record Submission(
        String challenge,
        String category,
        String competitor,
        String member,
        Instant time,
        boolean correct,
        String provided,
        int row) {}
