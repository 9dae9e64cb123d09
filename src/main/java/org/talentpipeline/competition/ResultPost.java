package org.talentpipeline.competition;

import java.util.List;

/**
 * What posting results did: how many standings were stored, or why nothing was: the file's
 * problems and every competitor (or member) that matches no student or registered team.
 */
public record ResultPost(int stored, List<ResultProblem> problems, List<String> unmatched) {

    public boolean succeeded() {
        return problems.isEmpty() && unmatched.isEmpty();
    }
}
