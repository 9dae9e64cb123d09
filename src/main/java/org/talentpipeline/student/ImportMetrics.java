package org.talentpipeline.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.talentpipeline.platform.MetricSource;
import org.talentpipeline.platform.PrometheusText;

/** Page imports running in the background on this node, at {@code /metrics}. */
@ApplicationScoped
public class ImportMetrics implements MetricSource {

    @Inject
    ImportJobs jobs;

    @Override
    public void writeTo(PrometheusText out) {
        out.gauge("tp_import_jobs_running", "student imports running in the background on this node", jobs.running());
    }
}
