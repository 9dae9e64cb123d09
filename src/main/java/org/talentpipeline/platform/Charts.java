package org.talentpipeline.platform;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/** Chart.js configurations for {@code p:chart}, as script-safe JSON. */
public final class Charts {

    private Charts() {
    }

    /** One series of bars: {@code values[i]} above {@code labels[i]}, counted from zero. */
    public static String bar(String series, List<String> labels, List<? extends Number> values) {
        JsonArrayBuilder l = Json.createArrayBuilder();
        labels.forEach(l::add);
        JsonArrayBuilder v = Json.createArrayBuilder();
        values.forEach(n -> v.add(n.doubleValue()));
        return ScriptJson.encode(Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", l).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", series).add("data", v)
                                .add("backgroundColor", "rgba(33, 150, 243, 0.5)").add("borderColor", "rgb(33, 150, 243)"))))
                .add("options", Json.createObjectBuilder()
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false)))
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true))))
                .build());
    }
}
