package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.it.ApiRoutes;

/** The API reference's list of routes is the application's, each with the operation it performs: it cannot drift. */
class ApiReferenceTest {

    static final Path REFERENCE = Path.of("src/site/markdown/api.md");

    /** Every route as a Markdown table: the call and the operation of the access policy it performs. */
    static String routes() {
        StringBuilder out = new StringBuilder("| route | operation |\n| --- | --- |\n");
        for (ApiRoutes.Route r : ApiRoutes.all()) {
            Performs performs = r.resource().getAnnotation(Performs.class);
            String op = performs != null
                    ? "`" + performs.value().name() + "`"
                    : r.resource().isAnnotationPresent(PermitAll.class) ? "anyone" : "undeclared";
            out.append("| `")
                    .append(r.method())
                    .append(' ')
                    .append(r.template())
                    .append("` | ")
                    .append(op)
                    .append(" |\n");
        }
        return out.toString();
    }

    @Test
    void referenceListsEveryRouteWithItsOperation() throws IOException {
        String reference = Files.readString(REFERENCE);
        assertTrue(
                reference.contains(routes()),
                REFERENCE + " must list the routes as the code declares them:\n" + routes());
    }
}
