package org.talentpipeline.scoring;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.talentpipeline.identity.CurrentUser;

/** The scoring page (ADMIN): the settings in force, a full recompute with its progress, and past jobs. */
@Named
@ViewScoped
public class RecomputeRatings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ScoringJobs jobs;

    @Inject
    CurrentUser currentUser;

    private Long watched;

    public List<ScoringSettings.Setting> getSettings() {
        return ScoringSettings.CURRENT.list();
    }

    public void recompute() {
        watched = jobs.submit("requested from the scoring page", currentUser.getUsername()).id();
    }

    /** The job being watched: the one started here, else the latest. */
    public ScoringJob getJob() {
        if (watched != null) {
            return jobs.job(watched).orElse(null);
        }
        List<ScoringJob> latest = jobs.latest();
        return latest.isEmpty() ? null : latest.get(0);
    }

    public boolean isRunning() {
        ScoringJob job = getJob();
        return job != null && !job.isFinished();
    }

    public List<ScoringJob> getJobs() {
        return jobs.latest();
    }
}
