package org.talentpipeline.it;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** Shorthand for building request bodies in tests. */
public final class Json {

    private Json() {
    }

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
}
