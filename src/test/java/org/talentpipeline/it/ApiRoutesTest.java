package org.talentpipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRoutesTest {

    @Test
    void findsTheResultsPostWithItsParametersAndMediaTypes() {
        ApiRoutes.Route results = ApiRoutes.all().stream()
                .filter(r -> r.method().equals("POST") && r.template().equals("/api/v1/events/{code}/results"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(ApiRoutes.all().toString()));
        assertEquals(List.of("application/json", "text/csv", "text/plain"), results.consumes());
        assertEquals(List.of("format"), results.queryParams());
        assertEquals("/api/v1/events/NCSC-2025/results", results.expand(Map.of("code", "NCSC-2025")));
    }

    @Test
    void dropsThePathParametersRegularExpression() {
        assertTrue(
                ApiRoutes.all().stream()
                        .anyMatch(r -> r.method().equals("PUT") && r.template().equals("/api/v1/students/{ref}")),
                ApiRoutes.all().toString());
    }

    @Test
    void composesAnEmptyClassPath() {
        assertTrue(
                ApiRoutes.writes().stream().anyMatch(r -> r.template().equals("/api/v1/placements/{id}/stage")),
                ApiRoutes.writes().toString());
    }
}
