package org.talentpipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;

/** From posted results to the scouting report, through the running application's API. */
@ExtendWith(ArquillianExtension.class)
class ScoringIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void resultsAbcGiveTalentScoresInThatOrderAndTheReportExplainsThem() {
        String base = Deployments.local(deployment);
        ApiClient api = new ApiClient(base.substring(0, base.length() - 1));
        Fixtures fixtures = new Fixtures(api);
        String admin = fixtures.adminToken();
        String school = fixtures.school("North");
        assertEquals(200, api.post("/schools/" + school + "/students/import", admin,
                "student_number,full_name,date_of_birth,enrollment_year,expected_graduation_year\n"
                        + "A,Ada,2004-01-01,2023,2027\nB,Bo,2004-01-02,2023,2027\nC,Cy,2004-01-03,2023,2027\n", "text/csv").status());
        String event = Fixtures.unique("RATED-");
        assertEquals(201, api.post("/events", admin, Json.object().add("code", event).add("name", "Rated Cup")
                .add("competition", "RATED").add("level", "NATIONAL").add("format", "JEOPARDY")
                .add("startDate", "2026-07-01").add("endDate", "2026-07-01").build().toString()).status());
        assertEquals(200, api.post("/events/" + event + "/results", admin, "place,competitor,points\n1," + school + "/A,300\n2,"
                + school + "/B,200\n3," + school + "/C,100\n", "text/csv").status());

        JsonObject a = api.get("/students/" + school + "/A/report", admin).json();
        JsonObject b = api.get("/students/" + school + "/B/report", admin).json();
        JsonObject c = api.get("/students/" + school + "/C/report", admin).json();
        double sa = a.getJsonNumber("talentScore").doubleValue();
        double sb = b.getJsonNumber("talentScore").doubleValue();
        double sc = c.getJsonNumber("talentScore").doubleValue();
        assertTrue(sa > sb && sb > sc, sa + " > " + sb + " > " + sc);
        assertTrue(a.getString("modelVersion").startsWith("elo-mmr"));
        JsonObject effect = a.getJsonArray("events").getJsonObject(0);
        assertEquals(event, effect.getString("event"));
        assertEquals(1, effect.getInt("place"));
        assertEquals(3, effect.getInt("fieldSize"));
        assertTrue(effect.getJsonNumber("muAfter").doubleValue() > effect.getJsonNumber("muBefore").doubleValue(),
                "the winner's event raised their rating");
        JsonObject cEffect = c.getJsonArray("events").getJsonObject(0);
        assertTrue(cEffect.getJsonNumber("muAfter").doubleValue() < cEffect.getJsonNumber("muBefore").doubleValue());
        assertTrue(a.getJsonObject("percentiles").getJsonNumber("school").doubleValue()
                > c.getJsonObject("percentiles").getJsonNumber("school").doubleValue());

        String otherAdmin = fixtures.user("SCHOOL_ADMIN", fixtures.school("South"), null);
        assertEquals(404, api.get("/students/" + school + "/A/report", otherAdmin).status(), "another school's report is not found");
    }
}
