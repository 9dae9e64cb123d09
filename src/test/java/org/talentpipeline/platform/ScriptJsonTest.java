package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ScriptJsonTest {

    @Test
    void aStringThatWouldEndTheScriptBlockIsEscaped() {
        String encoded = ScriptJson.encode(Json.createObjectBuilder()
                .add("labels", Json.createArrayBuilder().add("</script><p>x"))
                .build());
        assertEquals("{\"labels\":[\"\\u003c/script\\u003e\\u003cp\\u003ex\"]}", encoded);
    }

    @Test
    void ampersandQuoteAndLineSeparatorsAreEscaped() {
        String encoded = ScriptJson.encode(
                Json.createObjectBuilder().add("a", "R&D 'x' \u2028\u2029").build());
        assertEquals("{\"a\":\"R\\u0026D \\u0027x\\u0027 \\u2028\\u2029\"}", encoded);
    }

    @Test
    void theEncodedTextReadsBackAsTheSameValues() {
        JsonObject original = Json.createObjectBuilder()
                .add(
                        "labels",
                        Json.createArrayBuilder()
                                .add("C++/#1 .net_x-y")
                                .add("网络安全")
                                .add("<!-- a & b -->"))
                .add("data", 42)
                .build();
        try (var reader = Json.createReader(new StringReader(ScriptJson.encode(original)))) {
            assertEquals(original, reader.readObject());
        }
    }

    @Test
    void categoryNamesOfTheAllowedCharactersPassUnchanged() {
        assertEquals(
                "[\"C++/#1 .net_x-y\",\"网络安全\"]",
                ScriptJson.encode(Json.createArrayBuilder()
                        .add("C++/#1 .net_x-y")
                        .add("网络安全")
                        .build()));
    }
}
