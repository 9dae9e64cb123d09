package org.talentpipeline.platform;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** Chart.js configurations for {@code p:chart}, as script-safe JSON. */
public final class Charts {

    /** The series' colours, in turn: blue, then orange (distinct for the colour-blind too). */
    private static final String[][] COLOURS = {
        {"rgba(33, 150, 243, 0.5)", "rgb(33, 150, 243)"}, {"rgba(255, 152, 0, 0.5)", "rgb(230, 126, 0)"}
    };

    /** One named series of values, one per label. */
    public record Series(String name, List<? extends Number> values) {}

    private Charts() {}

    /** One series of bars: {@code values[i]} above {@code labels[i]}, counted from zero. */
    public static String bar(String series, List<String> labels, List<? extends Number> values) {
        return chart("bar", labels, List.of(new Series(series, values)), false, null);
    }

    /** Bars side by side, one colour per series, with a legend naming them. */
    public static String bars(List<String> labels, List<Series> series) {
        return chart("bar", labels, series, false, null);
    }

    /** Horizontal bars (long labels read better down the side). */
    public static String horizontalBar(String series, List<String> labels, List<? extends Number> values) {
        return chart("bar", labels, List.of(new Series(series, values)), true, null);
    }

    /** A line over the labels (periods, in order), its axis from 0 to {@code max}. */
    public static String line(String series, List<String> labels, List<? extends Number> values, int max) {
        return chart("line", labels, List.of(new Series(series, values)), false, max);
    }

    private static String chart(
            String type, List<String> labels, List<Series> series, boolean horizontal, Integer max) {
        JsonArrayBuilder l = Json.createArrayBuilder();
        labels.forEach(l::add);
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (int i = 0; i < series.size(); i++) {
            JsonArrayBuilder v = Json.createArrayBuilder();
            series.get(i).values().forEach(n -> v.add(n.doubleValue()));
            String[] colour = COLOURS[i % COLOURS.length];
            datasets.add(Json.createObjectBuilder()
                    .add("label", series.get(i).name())
                    .add("data", v)
                    .add("backgroundColor", colour[0])
                    .add("borderColor", colour[1])
                    .add("fill", false));
        }
        JsonObjectBuilder valueAxis = Json.createObjectBuilder().add("beginAtZero", true);
        if (max != null) {
            valueAxis.add("max", max);
        }
        // drawn at once: no motion for those who would rather not have it, and a screenshot shows the figures
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("animation", false)
                .add(
                        "plugins",
                        Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("display", series.size() > 1)))
                .add("scales", Json.createObjectBuilder().add(horizontal ? "x" : "y", valueAxis));
        if (horizontal) {
            options.add("indexAxis", "y");
        }
        return ScriptJson.encode(Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", l).add("datasets", datasets))
                .add("options", options)
                .build());
    }
}
