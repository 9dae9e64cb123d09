package org.talentpipeline.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * A recruiter's saved searches with their new matches, for the recruiter's home page beside the placement area's
 * pipelines (the page composes the two: placement does not import search). Read once per request.
 */
@Named
@RequestScoped
public class RecruiterSavedSearches {

    @Inject
    SavedSearches searches;

    private List<SavedSearches.SavedSearch> mine;

    public List<SavedSearches.SavedSearch> getMine() {
        if (mine == null) {
            mine = searches.mine();
        }
        return mine;
    }
}
