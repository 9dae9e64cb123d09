package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.talentpipeline.platform.MetricSource;
import org.talentpipeline.platform.PrometheusText;

/** The recompute queue at {@code /metrics}: jobs queued and running, across every node (read from the database). */
@ApplicationScoped
public class ScoringMetrics implements MetricSource {

    @Inject
    ScoringJobStore store;

    @Override
    public void writeTo(PrometheusText out) {
        out.type("tp_scoring_jobs", "gauge", "recompute jobs by state (all nodes)");
        for (Map.Entry<String, Long> e : store.unfinished().entrySet()) {
            out.sample("tp_scoring_jobs", "state", e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
    }
}
