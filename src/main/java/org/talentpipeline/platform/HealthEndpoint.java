package org.talentpipeline.platform;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health}, {@code /health/ready} and {@code /health/live} in the MicroProfile Health format,
 * from the application's own checks. Payara Micro serves these paths itself only while no
 * application holds the root context; this application does, so it answers them.
 */
@WebServlet(urlPatterns = {"/health", "/health/*"})
public class HealthEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    @Readiness
    @Any
    transient Instance<HealthCheck> readiness;

    @Inject
    @Liveness
    @Any
    transient Instance<HealthCheck> liveness;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Stream<HealthCheck> checks =
                switch (path) {
                    case "", "/" -> Stream.concat(readiness.stream(), liveness.stream());
                    case "/ready" -> readiness.stream();
                    case "/live" -> liveness.stream();
                    default -> null;
                };
        if (checks == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        List<HealthCheckResponse> results = checks.map(HealthEndpoint::run).toList();
        boolean up = results.stream().allMatch(r -> r.getStatus() == HealthCheckResponse.Status.UP);
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (HealthCheckResponse r : results) {
            JsonObjectBuilder check = Json.createObjectBuilder()
                    .add("name", r.getName())
                    .add("status", r.getStatus().name());
            JsonObjectBuilder data = Json.createObjectBuilder();
            r.getData().ifPresent(d -> d.forEach((k, v) -> data.add(k, String.valueOf(v))));
            array.add(check.add("data", data));
        }
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write(Json.createObjectBuilder()
                        .add("status", up ? "UP" : "DOWN")
                        .add("checks", array)
                        .build()
                        .toString());
    }

    private static HealthCheckResponse run(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(check.getClass().getSimpleName())
                    .down()
                    .withData("error", e.toString())
                    .build();
        }
    }
}
