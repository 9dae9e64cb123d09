package org.talentpipeline.platform;

/**
 * Figures an area reads when {@code /metrics} is scraped (the jobs waiting in its queue, say).
 * Areas implement it; {@link MetricsEndpoint} asks each, so the platform depends on no area.
 */
public interface MetricSource {

    void writeTo(PrometheusText out);
}
