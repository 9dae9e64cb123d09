package org.talentpipeline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;

/** The search's exports hold the whole result (not the page shown), as CSV and as XLSX. */
@ExtendWith(ArquillianExtension.class)
class ExportIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api() {
        return Deployments.api(deployment);
    }

    private String token() {
        return api().token("recruiter", Fixtures.DEMO_PASSWORD);
    }

    /** How many candidates the search finds (the demo's are fewer than the count's cap). */
    private long total() {
        return api().get("/candidates?size=5", token())
                .json()
                .getJsonNumber("total")
                .longValue();
    }

    private byte[] export(String format) throws IOException, InterruptedException {
        HttpResponse<byte[]> reply = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        Deployments.local(deployment) + "api/v1/candidates/export?format=" + format))
                                .header("Authorization", "Bearer " + token())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, reply.statusCode(), new String(reply.body()));
        return reply.body();
    }

    @Test
    void theCsvHoldsEveryCandidateFound() throws Exception {
        long lines = new String(export("csv"), StandardCharsets.UTF_8).lines().count();
        assertEquals(total() + 1, lines);
    }

    @Test
    void theXlsxHoldsEveryCandidateFound() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export("xlsx")))) {
            assertEquals(total() + 1, book.getSheetAt(0).getPhysicalNumberOfRows());
        }
    }

    @Test
    void anotherFormatIsRefused() {
        assertEquals(400, api().get("/candidates/export?format=pdf", token()).status());
    }
}
