package org.talentpipeline.certification.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.talentpipeline.certification.ApplicationSummary;
import org.talentpipeline.certification.CertificationService;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;

/** A reviewer's home: the cases assigned to them, newest first, with their dates. */
@Named
@RequestScoped
public class ReviewerHome {

    static final int LISTED = 10;

    @Inject
    CertificationService certification;

    private Page<ApplicationSummary> cases;

    public Page<ApplicationSummary> getCases() {
        if (cases == null) {
            cases = certification.applications(null, new PageRequest(0, LISTED));
        }
        return cases;
    }
}
