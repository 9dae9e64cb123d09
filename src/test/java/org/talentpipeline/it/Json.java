package org.talentpipeline.it;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** Shorthand for building request bodies in tests. */
public final class Json {

    private Json() {}

    public static JsonObjectBuilder object() {
        return jakarta.json.Json.createObjectBuilder();
    }

    public static JsonArrayBuilder array(String... values) {
        JsonArrayBuilder b = jakarta.json.Json.createArrayBuilder();
        for (String v : values) {
            b.add(v);
        }
        return b;
    }

    /** The objects of an array keyed by one of their string fields. */
    public static jakarta.json.JsonObject byKey(jakarta.json.JsonArray array, String key) {
        jakarta.json.JsonObjectBuilder map = jakarta.json.Json.createObjectBuilder();
        array.stream().map(jakarta.json.JsonObject.class::cast).forEach(o -> map.add(o.getString(key), o));
        return map.build();
    }
}
