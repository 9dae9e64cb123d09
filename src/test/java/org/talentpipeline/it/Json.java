package org.talentpipeline.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
    public static JsonObject byKey(JsonArray array, String key) {
        JsonObjectBuilder map = jakarta.json.Json.createObjectBuilder();
        array.stream().map(JsonObject.class::cast).forEach(o -> map.add(o.getString(key), o));
        return map.build();
    }
}
