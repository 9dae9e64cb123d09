package org.talentpipeline.platform;

import jakarta.json.JsonStructure;

/**
 * JSON for a page's inline script (a chart's configuration that PrimeFaces writes into a
 * {@code <script>} block as it is). JSON alone is not safe there: a string holding
 * {@code </script>} ends the block, {@code <!--} changes how it is parsed, and U+2028/U+2029 end a
 * line in older JavaScript. Those characters only occur inside JSON strings, so each is written
 * as its {@code \}{@code uXXXX} escape, which JSON and JavaScript read back as the same character.
 */
public final class ScriptJson {

    private ScriptJson() {}

    public static String encode(JsonStructure json) {
        return escape(json.toString());
    }

    /** Escapes serialized JSON text for a script block. */
    public static String escape(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\'' -> out.append("\\u0027");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
