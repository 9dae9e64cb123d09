package org.talentpipeline.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Documents;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;

/**
 * A school's certification case through the API: evidence required before submission, uploads
 * checked by content, the pipeline's figures frozen, the conflict rule, two reviews, the decision,
 * and the certified status where recruiters search, then revoked.
 */
@ExtendWith(ArquillianExtension.class)
class CertificationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aSchoolIsCertifiedAfterTwoReviewsAndItsConsentingStudentsCountAsCertified() {
        ApiClient api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        String admin = fixtures.adminToken();
        LocalDate today = LocalDate.now();
        int year = today.getYear();

        String cycle = Fixtures.unique("C");
        assertEquals(
                400,
                api.post(
                                "/certification/cycles",
                                admin,
                                Json.object()
                                        .add("code", cycle)
                                        .add("name", "")
                                        .add("opensOn", today.toString())
                                        .add("closesOn", today.minusDays(1).toString())
                                        .add("passMark", 60)
                                        .build()
                                        .toString())
                        .status(),
                "a window that closes before it opens");
        var created = api.post(
                "/certification/cycles",
                admin,
                Json.object()
                        .add("code", cycle)
                        .add("name", "Test cycle")
                        .add("opensOn", today.minusDays(10).toString())
                        .add("closesOn", today.plusDays(10).toString())
                        .add("passMark", 60)
                        .build()
                        .toString());
        assertEquals(201, created.status(), created.body());
        assertEquals(5, created.json().getInt("periodYears"), "five years unless the admin says otherwise");

        String school = fixtures.school("East");
        fixtures.students(
                school,
                "A,Ann Agreed,2003-01-01,ann@example.org," + (year - 3) + "," + (year + 1) + ",true",
                "B,Ben Private,2003-02-01,ben@example.org," + (year - 3) + "," + (year + 1) + ",false",
                "C,Cat Quiet,2004-02-01,cat@example.org," + (year - 2) + "," + (year + 2) + ",true");
        String event = Fixtures.unique("CERT-");
        assertEquals(
                201,
                api.post(
                                "/events",
                                admin,
                                Json.object()
                                        .add("code", event)
                                        .add("name", "Certification Cup")
                                        .add("competition", "CERTCUP")
                                        .add("level", "REGIONAL")
                                        .add("format", "JEOPARDY")
                                        .add("startDate", today.minusDays(20).toString())
                                        .add("endDate", today.minusDays(20).toString())
                                        .build()
                                        .toString())
                        .status());
        Fixtures.awaitScoring(api, admin);
        assertEquals(
                200,
                api.post(
                                "/events/" + event + "/results",
                                admin,
                                "place,competitor,points\n1," + school + "/B,300\n2," + school + "/A,200\n",
                                "text/csv")
                        .status());
        Fixtures.awaitScoring(api, admin);

        String schoolAdmin = fixtures.user("SCHOOL_ADMIN", school, null);
        String outsider = fixtures.user("SCHOOL_ADMIN", fixtures.school("West"), null);
        Fixtures.Person first = fixtures.person("REVIEWER", null, null);
        Fixtures.Person second = fixtures.person("REVIEWER", null, null);
        Fixtures.Person affiliated = fixtures.person("REVIEWER", school, null);
        String recruiter = fixtures.user("RECRUITER", null, "NCSC");

        var opened = api.post(
                "/certification/applications",
                schoolAdmin,
                Json.object().add("cycle", cycle).build().toString());
        assertEquals(201, opened.status(), opened.body());
        long id = opened.json().getJsonNumber("id").longValue();
        String app = "/certification/applications/" + id;
        assertEquals("DRAFT", opened.json().getString("state"));
        assertEquals(
                409,
                api.post(
                                "/certification/applications",
                                schoolAdmin,
                                Json.object().add("cycle", cycle).build().toString())
                        .status(),
                "one application in progress per school");
        assertEquals(404, api.get(app, outsider).status(), "another school's application does not exist for them");
        assertEquals(403, api.get(app, recruiter).status());

        List<String> required = opened.json().getJsonArray("evidence").stream()
                .map(JsonObject.class::cast)
                .filter(p -> p.getBoolean("evidenceRequired"))
                .map(p -> p.getString("criterion"))
                .toList();
        assertFalse(required.isEmpty());
        var missing = api.post(app + "/submit", schoolAdmin, "");
        assertEquals(400, missing.status(), missing.body());
        assertTrue(
                missing.body().contains("\"field\":\"" + required.get(0) + "\""),
                "names the criterion: " + missing.body());

        String criterion = required.get(0);
        var exe = api.post(
                app + "/evidence/" + criterion + "/documents?fileName=curriculum.pdf",
                schoolAdmin,
                Documents.executable(),
                "application/pdf");
        assertEquals(400, exe.status(), "a renamed executable is refused by its content");
        assertTrue(exe.body().contains("curriculum.pdf") && exe.body().contains("\"field\":\"file\""), exe.body());
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(Documents.pdf(), 0, tooLarge, 0, 8);
        var large = api.post(
                app + "/evidence/" + criterion + "/documents?fileName=big.pdf",
                schoolAdmin,
                tooLarge,
                "application/pdf");
        assertEquals(400, large.status());
        assertTrue(large.body().contains("10 MB"), large.body());

        byte[] pdf = Documents.pdf();
        for (String code : required) {
            assertEquals(
                    200,
                    statement(api, app, schoolAdmin, code, "Our evidence for " + code)
                            .status());
            var uploaded = api.post(
                    app + "/evidence/" + code + "/documents?fileName=" + code + ".pdf",
                    schoolAdmin,
                    pdf,
                    "application/octet-stream");
            assertEquals(201, uploaded.status(), uploaded.body());
            assertEquals("application/pdf", uploaded.json().getString("contentType"));
            assertEquals(sha256(pdf), uploaded.json().getString("sha256"));
        }
        assertEquals(
                409,
                api.post(
                                app + "/reviewers",
                                admin,
                                Json.object()
                                        .add("reviewer", first.username())
                                        .build()
                                        .toString())
                        .status(),
                "a draft has no reviewers");

        var submitted = api.post(app + "/submit", schoolAdmin, "");
        assertEquals(200, submitted.status(), submitted.body());
        JsonObject figures = submitted.json().getJsonObject("figures");
        assertTrue(figures.getBoolean("frozen"));
        assertEquals(3, figures.getInt("students"));
        assertEquals(2, figures.getInt("studentsWithResults"), "A and B have results in the period, C none");
        assertEquals(0, figures.getInt("placements"));
        assertEquals(
                409, statement(api, app, schoolAdmin, criterion, "changed").status(), "submitted evidence is final");
        // a student enrolled after submission changes nothing frozen
        fixtures.students(school, "D,Dan Late,2004-03-01,dan@example.org," + year + "," + (year + 4) + ",true");
        assertEquals(3, api.get(app, admin).json().getJsonObject("figures").getInt("students"));

        var refused = api.post(
                app + "/reviewers",
                admin,
                Json.object().add("reviewer", affiliated.username()).build().toString());
        assertEquals(409, refused.status(), "a reviewer affiliated with the school is refused");
        assertTrue(refused.body().contains("affiliated"), refused.body());
        assertEquals(
                "SUBMITTED",
                api.post(
                                app + "/reviewers",
                                admin,
                                Json.object()
                                        .add("reviewer", first.username())
                                        .build()
                                        .toString())
                        .json()
                        .getString("state"));
        assertEquals(
                409,
                api.post(
                                app + "/decision",
                                admin,
                                Json.object()
                                        .add("outcome", "CERTIFIED")
                                        .build()
                                        .toString())
                        .status(),
                "no decision before the review");
        JsonObject underReview = api.post(
                        app + "/reviewers",
                        admin,
                        Json.object().add("reviewer", second.username()).build().toString())
                .json();
        assertEquals("UNDER_REVIEW", underReview.getString("state"), "two reviewers put the case under review");

        List<String> all = underReview.getJsonArray("evidence").stream()
                .map(JsonObject.class::cast)
                .map(p -> p.getString("criterion"))
                .toList();
        var noComment = api.post(app + "/reviews", first.token(), review(all, 5, all.get(1)));
        assertEquals(400, noComment.status());
        assertTrue(noComment.body().contains("\"field\":\"" + all.get(1) + "\""), noComment.body());
        assertEquals(
                404,
                api.post(app + "/reviews", fixtures.user("REVIEWER", null, null), review(all, 5, null))
                        .status(),
                "a reviewer not assigned does not see the case");
        assertEquals(
                200,
                api.post(app + "/reviews", first.token(), review(all, 5, null)).status());
        assertEquals(
                409,
                api.post(
                                app + "/decision",
                                admin,
                                Json.object()
                                        .add("outcome", "CERTIFIED")
                                        .build()
                                        .toString())
                        .status(),
                "a decision needs both reviews");
        assertEquals(
                200,
                api.post(app + "/reviews", second.token(), review(all, 3, null)).status());

        JsonObject reviewed = api.get(app, admin).json();
        assertEquals(2, reviewed.getJsonArray("reviews").size());
        assertEquals(80.0, reviewed.getJsonNumber("total").doubleValue(), 0.01, "the mean of 100 and 60");
        assertEquals(40.0, reviewed.getJsonNumber("spread").doubleValue(), 0.01);
        assertEquals(
                1,
                api.get(app, first.token()).json().getJsonArray("reviews").size(),
                "a reviewer sees only their review");

        var deficient = api.post(app + "/decision", admin, decision("CERTIFIED", all.get(0), "DEFICIENCY"));
        assertEquals(409, deficient.status(), "no certification over a deficiency");
        var decided = api.post(app + "/decision", admin, decision("CERTIFIED", all.get(0), "CONCERN"));
        assertEquals(200, decided.status(), decided.body());
        assertEquals("CERTIFIED", decided.json().getString("state"));
        assertEquals(today.toString(), decided.json().getString("certifiedFrom"));
        assertEquals(today.plusYears(5).minusDays(1).toString(), decided.json().getString("certifiedUntil"));
        assertEquals(
                409,
                api.post(app + "/decision", admin, decision("REJECTED", all.get(0), "CONCERN"))
                        .status(),
                "a decided case is not decided again");

        JsonObject certification =
                api.get("/schools/" + school, recruiter).json().getJsonObject("certification");
        assertEquals("CERTIFIED", certification.getString("status"));
        assertEquals(today.toString(), certification.getString("from"));
        assertEquals(today.plusYears(5).minusDays(1).toString(), certification.getString("until"));
        assertEquals(
                List.of(school + "/A"),
                refs(api.get("/candidates?certifiedOnly=true&school=" + school, recruiter)
                        .json()),
                "the certified-only filter finds the school's consenting, rated students");
        assertTrue(api.get("/students/" + school + "/A/report", recruiter)
                .json()
                .getJsonObject("schoolCertification")
                .getString("status")
                .equals("CERTIFIED"));

        var letter = api.get(app + "/letter", schoolAdmin);
        assertEquals(200, letter.status());
        assertTrue(letter.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        assertTrue(letter.body().startsWith("%PDF-"));

        assertEquals(
                400,
                api.post(
                                app + "/revoke",
                                admin,
                                Json.object().add("reason", " ").build().toString())
                        .status());
        assertEquals(
                "REVOKED",
                api.post(
                                app + "/revoke",
                                admin,
                                Json.object()
                                        .add("reason", "falsified evidence")
                                        .build()
                                        .toString())
                        .json()
                        .getString("state"));
        assertEquals(
                "REVOKED",
                api.get("/schools/" + school, admin)
                        .json()
                        .getJsonObject("certification")
                        .getString("status"));
        assertEquals(
                List.of(),
                refs(api.get("/candidates?certifiedOnly=true&school=" + school, recruiter)
                        .json()));
        List<String> moves = api.get(app, schoolAdmin).json().getJsonArray("history").stream()
                .map(JsonObject.class::cast)
                .map(m -> m.getString("state"))
                .toList();
        assertEquals(List.of("DRAFT", "SUBMITTED", "UNDER_REVIEW", "CERTIFIED", "REVOKED"), moves);
    }

    @Test
    void aCertificationDecidedBeforeTheOldOneEndsRenewsIt() {
        ApiClient api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        String admin = fixtures.adminToken();
        LocalDate today = LocalDate.now();
        String cycle = Fixtures.unique("R");
        assertEquals(
                201,
                api.post(
                                "/certification/cycles",
                                admin,
                                Json.object()
                                        .add("code", cycle)
                                        .add("name", "Renewal cycle")
                                        .add("opensOn", today.toString())
                                        .add("closesOn", today.toString())
                                        .add("periodYears", 3)
                                        .add("passMark", 50)
                                        .build()
                                        .toString())
                        .status());
        String school = fixtures.school("North");
        String schoolAdmin = fixtures.user("SCHOOL_ADMIN", school, null);
        List<Fixtures.Person> reviewers =
                List.of(fixtures.person("REVIEWER", null, null), fixtures.person("REVIEWER", null, null));

        long first = certified(api, admin, schoolAdmin, reviewers, cycle);
        long second = certified(api, admin, schoolAdmin, reviewers, cycle);
        JsonObject renewed =
                api.get("/certification/applications/" + first, admin).json();
        assertEquals("RENEWED", renewed.getString("state"));
        assertTrue(renewed.getJsonArray("history")
                .getJsonObject(renewed.getJsonArray("history").size() - 1)
                .getString("note")
                .contains(Long.toString(second)));
        JsonObject certification = api.get("/schools/" + school, admin).json().getJsonObject("certification");
        assertEquals("CERTIFIED", certification.getString("status"));
        assertEquals(
                today.plusYears(3).minusDays(1).toString(), certification.getString("until"), "the cycle's period");
        assertEquals(
                1,
                api.get("/certification/applications?state=CERTIFIED", schoolAdmin)
                        .json()
                        .getInt("total"));
        assertEquals(
                0, api.post("/certification/expiry", admin, "").json().getInt("expired"), "nothing has ended today");
    }

    /** Writes a criterion's statement from the version its part has now (GET, then PUT with If-Match). */
    static ApiClient.Reply statement(ApiClient api, String app, String token, String criterion, String text) {
        ApiClient.Reply part = api.get(app + "/evidence/" + criterion, token);
        assertEquals(200, part.status(), part.toString());
        return api.put(
                app + "/evidence/" + criterion,
                token,
                Json.object().add("statement", text).build().toString(),
                ApiClient.etag(part));
    }

    /** An application taken from draft to certified, all scores full; returns its id. */
    static long certified(
            ApiClient api, String admin, String schoolAdmin, List<Fixtures.Person> reviewers, String cycle) {
        JsonObject draft = api.post(
                        "/certification/applications",
                        schoolAdmin,
                        Json.object().add("cycle", cycle).build().toString())
                .json();
        String app = "/certification/applications/" + draft.getJsonNumber("id").longValue();
        List<String> all = draft.getJsonArray("evidence").stream()
                .map(JsonObject.class::cast)
                .map(p -> p.getString("criterion"))
                .toList();
        for (JsonObject part : draft.getJsonArray("evidence").getValuesAs(JsonObject.class)) {
            if (part.getBoolean("evidenceRequired")) {
                String code = part.getString("criterion");
                assertEquals(
                        200, statement(api, app, schoolAdmin, code, "evidence").status());
                assertEquals(
                        201,
                        api.post(
                                        app + "/evidence/" + code + "/documents?fileName=e.pdf",
                                        schoolAdmin,
                                        Documents.pdf(),
                                        "application/pdf")
                                .status());
            }
        }
        assertEquals(200, api.post(app + "/submit", schoolAdmin, "").status());
        for (Fixtures.Person reviewer : reviewers) {
            assertEquals(
                    200,
                    api.post(
                                    app + "/reviewers",
                                    admin,
                                    Json.object()
                                            .add("reviewer", reviewer.username())
                                            .build()
                                            .toString())
                            .status());
        }
        for (Fixtures.Person reviewer : reviewers) {
            assertEquals(
                    200,
                    api.post(app + "/reviews", reviewer.token(), review(all, 5, null))
                            .status());
        }
        var decided = api.post(
                app + "/decision",
                admin,
                Json.object().add("outcome", "CERTIFIED").build().toString());
        assertEquals(200, decided.status(), decided.body());
        return draft.getJsonNumber("id").longValue();
    }

    static String review(List<String> criteria, int score, String withoutComment) {
        var scores = Json.array();
        for (String c : criteria) {
            var s = Json.object().add("criterion", c).add("score", score);
            if (!c.equals(withoutComment)) {
                s.add("comment", "scored " + score);
            }
            scores.add(s);
        }
        return Json.object()
                .add("conflictOfInterest", false)
                .add("scores", scores)
                .build()
                .toString();
    }

    private static String decision(String outcome, String criterion, String severity) {
        return Json.object()
                .add("outcome", outcome)
                .add("note", "decided")
                .add(
                        "findings",
                        Json.array()
                                .add(Json.object()
                                        .add("criterion", criterion)
                                        .add("severity", severity)
                                        .add("text", "see the review")))
                .build()
                .toString();
    }

    private static List<String> refs(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .map(o -> o.getString("ref"))
                .toList();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
