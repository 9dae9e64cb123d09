package org.talentpipeline.scoring;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.talentpipeline.identity.ThrottleView;
import org.talentpipeline.identity.Throttles;
import org.talentpipeline.platform.Charts;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.Formats;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;

/** The admin's home: rated students by region, the national distribution, the latest jobs, throttled sign-ins. */
@Named
@RequestScoped
public class NationalHome {

    static final int LISTED = 5;

    @Inject
    RatingFigures ratings;

    @Inject
    ScoringJobs jobs;

    @Inject
    Throttles throttles;

    @Inject
    FacesMessages messages;

    @Inject
    Formats fmt;

    private RatingFigures.NationalRatings national;
    private Page<ThrottleView> throttled;

    public RatingFigures.NationalRatings getRatings() {
        if (national == null) {
            national = ratings.national();
        }
        return national;
    }

    public String getRegionChart() {
        List<RatingFigures.Count> regions = getRatings().byRegion();
        return Charts.bar(
                messages.text("home.rated"),
                regions.stream().map(RatingFigures.Count::name).toList(),
                regions.stream().map(RatingFigures.Count::students).toList());
    }

    public String getDistributionChart() {
        List<RatingFigures.Bucket> buckets = getRatings().distribution();
        return Charts.bar(
                messages.text("home.students"),
                buckets.stream().map(b -> fmt.count(b.from())).toList(),
                buckets.stream().map(RatingFigures.Bucket::students).toList());
    }

    public List<ScoringJob> getJobs() {
        List<ScoringJob> latest = jobs.latest();
        return latest.subList(0, Math.min(LISTED, latest.size()));
    }

    public Page<ThrottleView> getThrottled() {
        if (throttled == null) {
            throttled = throttles.delayed(new PageRequest(0, LISTED));
        }
        return throttled;
    }
}
