package org.talentpipeline.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Locale;
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

/** A judged event with three judges: rubric, conflicts, scores, agreement, consensus published as results. */
@ExtendWith(ArquillianExtension.class)
class JudgingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void threeJudgesScoreAndTheirAgreementIsReported() {
        ApiClient api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        String admin = fixtures.adminToken();
        String school = fixtures.school("East");
        String other = fixtures.school("West");
        StringBuilder csv = new StringBuilder("student_number,full_name,date_of_birth,enrollment_year,expected_graduation_year\n");
        for (int i = 1; i <= 5; i++) {
            csv.append("J").append(i).append(",Entrant ").append(i).append(",2004-01-0").append(i).append(",2023,2027\n");
        }
        assertEquals(200, api.post("/schools/" + school + "/students/import", admin, csv.toString(), "text/csv").status());

        String event = Fixtures.unique("JUDGED-");
        assertEquals(201, api.post("/events", admin, Json.object().add("code", event).add("name", "Forensics Report Award")
                .add("competition", "FRA").add("level", "REGIONAL").add("format", "JUDGED").add("startDate", "2026-06-01")
                .add("endDate", "2026-06-01").build().toString()).status());
        ApiClient.Reply rubric = api.put("/events/" + event + "/judging/rubric", admin, "{\"criteria\":["
                + "{\"name\":\"analysis\",\"weight\":2,\"max\":10},{\"name\":\"report\",\"weight\":1,\"max\":10}]}");
        assertEquals(200, rubric.status(), rubric.toString());

        String[] judges = new String[3];
        String[] tokens = new String[3];
        for (int j = 0; j < 3; j++) {
            judges[j] = Fixtures.unique("judge-").toLowerCase(Locale.ROOT);
            api.post("/users", admin, Json.object().add("username", judges[j]).add("password", "a-long-password")
                    .add("roles", Json.array("EVALUATOR")).add("schoolCode", other).build().toString());
            tokens[j] = api.token(judges[j], "a-long-password");
        }
        String entries = "[\"" + school + "/J1\",\"" + school + "/J2\",\"" + school + "/J3\",\"" + school + "/J4\",\"" + school + "/J5\"]";
        for (String judge : judges) {
            ApiClient.Reply assigned = api.post("/events/" + event + "/judging/judges", admin,
                    "{\"judge\":\"" + judge + "\",\"entries\":" + entries + "}");
            assertEquals(200, assigned.status(), assigned.toString());
        }
        String insider = Fixtures.unique("insider-").toLowerCase(Locale.ROOT);
        api.post("/users", admin, Json.object().add("username", insider).add("password", "a-long-password")
                .add("roles", Json.array("EVALUATOR")).add("schoolCode", school).build().toString());
        ApiClient.Reply conflict = api.post("/events/" + event + "/judging/judges", admin,
                "{\"judge\":\"" + insider + "\",\"entries\":" + entries + "}");
        assertEquals(400, conflict.status(), "a judge affiliated with the school is refused");
        assertTrue(conflict.body().contains("affiliated"), conflict.toString());

        // two judges agree (one harsh, one lenient); the third ranks the other way round
        double[][] analysis = {{9, 8, 6, 5, 3}, {10, 9.5, 9, 8.5, 8}, {2, 4, 6, 8, 10}};
        for (int j = 0; j < 3; j++) {
            for (int e = 0; e < 5; e++) {
                ApiClient.Reply scored = api.post("/events/" + event + "/judging/scores", tokens[j], "{\"entry\":\"" + school
                        + "/J" + (e + 1) + "\",\"scores\":{\"analysis\":" + analysis[j][e] + ",\"report\":" + analysis[j][e] + "}}");
                assertEquals(204, scored.status(), scored.toString());
            }
        }
        ApiClient.Reply outOfScale = api.post("/events/" + event + "/judging/scores", tokens[0],
                "{\"entry\":\"" + school + "/J1\",\"scores\":{\"analysis\":11,\"report\":5}}");
        assertEquals(400, outOfScale.status());
        assertTrue(outOfScale.body().contains("scores.analysis"), outOfScale.toString());

        JsonObject summary = api.get("/events/" + event + "/judging", admin).json();
        double alpha = summary.getJsonObject("agreement").getJsonNumber("krippendorffAlpha").doubleValue();
        assertTrue(alpha < 0.5, "a contrary judge lowers the agreement: " + alpha);
        JsonArray judgeList = summary.getJsonArray("judges");
        assertTrue(judgeList.stream().map(v -> v.asJsonObject())
                .anyMatch(j -> j.getString("judge").equals(judges[2]) && j.getBoolean("flagged")), judgeList.toString());
        assertTrue(judgeList.stream().map(v -> v.asJsonObject())
                .filter(j -> !j.getString("judge").equals(judges[2])).noneMatch(j -> j.getBoolean("flagged")));
        assertEquals(school + "/J1", summary.getJsonArray("entries").getJsonObject(0).getString("entry"));

        ApiClient.Reply published = api.post("/events/" + event + "/judging/publish", admin, "{}");
        assertEquals(200, published.status(), published.toString());
        assertEquals(5, published.json().getInt("stored"));
        JsonArray board = api.get("/events/" + event + "/results", admin).json().getJsonArray("items");
        assertEquals(school + "/J1", board.getJsonObject(0).getString("competitor"));
        assertEquals(409, api.put("/events/" + event + "/judging/rubric", admin,
                "{\"criteria\":[{\"name\":\"x\",\"weight\":1,\"max\":5}]}").status(), "no rubric change once scored");
    }
}
