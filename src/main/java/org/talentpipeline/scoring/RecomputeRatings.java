package org.talentpipeline.scoring;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.FacesMessages;

/**
 * The scoring page: the settings in force, a full recompute with its progress, and past jobs. The
 * service asks the policy ({@code SCORING_ADMINISTRATION}) on every call; the page holds no check.
 */
@Named
@ViewScoped
public class RecomputeRatings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ScoringJobs jobs;

    @Inject
    CategorySynonyms synonyms;

    @Inject
    FacesMessages messages;

    private Long watched;
    private String spelling;
    private String category;
    private String workRole;

    /** The canonical categories' synonym table in force. */
    public List<CategorySynonyms.Synonym> getSynonyms() {
        return synonyms.list();
    }

    /** Adds the spelling typed in; the service checks it and queues the recompute that applies it. */
    public void addSynonym() {
        try {
            CategorySynonyms.Synonym added =
                    synonyms.add(new CategorySynonyms.SynonymInput(spelling, category, workRole));
            messages.info("scoring.synonymAdded", added.spelling(), added.category());
            spelling = null;
            category = null;
            workRole = null;
            watched = null;
        } catch (BadInput e) {
            messages.problems(e.problems());
        }
    }

    public String getSpelling() {
        return spelling;
    }

    public void setSpelling(String spelling) {
        this.spelling = spelling;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getWorkRole() {
        return workRole;
    }

    public void setWorkRole(String workRole) {
        this.workRole = workRole;
    }

    public List<ScoringSettings.Setting> getSettings() {
        return ScoringSettings.CURRENT.list();
    }

    public void recompute() {
        watched = jobs.recompute("requested from the scoring page").id();
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
