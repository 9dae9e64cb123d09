package org.talentpipeline.identity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The README's table of who may do what is the access policy itself, rendered: it cannot drift from the code. */
class PolicyTableTest {

    /** The policy as a Markdown table: one row per operation, one column per role, each cell the role's scope. */
    static String table() {
        StringBuilder out = new StringBuilder("| operation |");
        for (Role r : Role.values()) {
            out.append(' ').append(r.name()).append(" |");
        }
        out.append("\n| --- |").append(" --- |".repeat(Role.values().length)).append('\n');
        for (Operation op : Operation.values()) {
            out.append("| `").append(op.name()).append("` |");
            for (Role r : Role.values()) {
                Scope s = op.grants().get(r);
                out.append(
                        s == null
                                ? " |"
                                : " " + s.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void readmeShowsThePolicy() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(
                readme.contains(table()),
                "README.md must hold the access policy's table as the code declares it:\n" + table());
    }
}
