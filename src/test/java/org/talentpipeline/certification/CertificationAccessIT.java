package org.talentpipeline.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.talentpipeline.it.PageSession;

/**
 * Who reaches a certification case, through every face (API, page, download servlet): a reviewer
 * not assigned to a case and another school's admin find nothing (404), a school admin may not
 * decide (403); a postback that names another case is refused by the service; criteria, cycles and
 * statements are changed only from the version they were read at.
 */
@ExtendWith(ArquillianExtension.class)
class CertificationAccessIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    /** The cases and people every test reads; made once, through the API. */
    private record Cases(
            String base,
            ApiClient api,
            String admin,
            long decided,
            long document,
            long draft,
            long otherDraft,
            String criterionOfDrafts,
            Fixtures.Person schoolAdmin,
            Fixtures.Person otherSchoolAdmin,
            Fixtures.Person assigned,
            Fixtures.Person unassigned,
            String criterion,
            String staleCriterionTag,
            String cycle) {}

    private static final Pattern NONCE = Pattern.compile("<script[^>]*\\snonce=\"([^\"]+)\"");
    private static final Pattern ERROR = Pattern.compile("ui-messages-error-summary\">([^<]*)<");

    private static Cases cases;

    private Cases cases() {
        if (cases == null) {
            cases = make();
        }
        return cases;
    }

    private Cases make() {
        ApiClient api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        String admin = fixtures.adminToken();
        LocalDate today = LocalDate.now();

        // a criterion kept inactive, so that no application takes it
        String criterion = Fixtures.unique("AC-");
        ApiClient.Reply created =
                api.post("/certification/criteria", admin, criterion(criterion, "Access criterion", false));
        assertEquals(201, created.status(), created.toString());
        ApiClient.Reply deactivated = api.put(
                "/certification/criteria/" + criterion,
                admin,
                criterion(criterion, "Access criterion", false),
                ApiClient.etag(created));
        assertEquals(200, deactivated.status(), deactivated.toString());

        String cycle = Fixtures.unique("A");
        assertEquals(
                201,
                api.post(
                                "/certification/cycles",
                                admin,
                                Json.object()
                                        .add("code", cycle)
                                        .add("name", "Access cycle")
                                        .add("opensOn", today.minusDays(1).toString())
                                        .add("closesOn", today.plusDays(1).toString())
                                        .add("passMark", 50)
                                        .build()
                                        .toString())
                        .status());
        String school = fixtures.school("East");
        String otherSchool = fixtures.school("West");
        Fixtures.Person schoolAdmin = fixtures.person("SCHOOL_ADMIN", school, null);
        Fixtures.Person otherSchoolAdmin = fixtures.person("SCHOOL_ADMIN", otherSchool, null);
        List<Fixtures.Person> reviewers =
                List.of(fixtures.person("REVIEWER", null, null), fixtures.person("REVIEWER", null, null));
        Fixtures.Person unassigned = fixtures.person("REVIEWER", null, null);

        long decided = CertificationIT.certified(api, admin, schoolAdmin.token(), reviewers, cycle);
        long document = api
                .get("/certification/applications/" + decided, admin)
                .json()
                .getJsonArray("evidence")
                .getValuesAs(JsonObject.class)
                .stream()
                .flatMap(p -> p.getJsonArray("documents").getValuesAs(JsonObject.class).stream())
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        JsonObject draft = open(api, schoolAdmin.token(), cycle);
        JsonObject otherDraft = open(api, otherSchoolAdmin.token(), cycle);
        String criterionOfDrafts =
                draft.getJsonArray("evidence").getJsonObject(0).getString("criterion");
        return new Cases(
                Deployments.local(deployment).replaceFirst("/$", ""),
                api,
                admin,
                decided,
                document,
                draft.getJsonNumber("id").longValue(),
                otherDraft.getJsonNumber("id").longValue(),
                criterionOfDrafts,
                schoolAdmin,
                otherSchoolAdmin,
                reviewers.get(0),
                unassigned,
                criterion,
                ApiClient.etag(created),
                cycle);
    }

    private static JsonObject open(ApiClient api, String schoolAdmin, String cycle) {
        ApiClient.Reply opened = api.post(
                "/certification/applications",
                schoolAdmin,
                Json.object().add("cycle", cycle).build().toString());
        assertEquals(201, opened.status(), opened.toString());
        return opened.json();
    }

    private static String criterion(String code, String title, boolean active) {
        return Json.object()
                .add("code", code)
                .add("title", title)
                .add("weight", 10)
                .add("maxScore", 5)
                .add("evidenceRequired", false)
                .add("position", 99)
                .add("active", active)
                .build()
                .toString();
    }

    private static String app(long id) {
        return "/certification/applications/" + id;
    }

    // a reviewer not assigned to the case

    @Test
    void aReviewerNotAssignedGets404OnTheCase() {
        Cases c = cases();
        assertEquals(404, c.api().get(app(c.decided()), c.unassigned().token()).status());
    }

    @Test
    void aReviewerNotAssignedGets404OnItsDocument() {
        Cases c = cases();
        assertEquals(
                404,
                c.api()
                        .get(
                                app(c.decided()) + "/documents/" + c.document(),
                                c.unassigned().token())
                        .status());
    }

    @Test
    void aReviewerNotAssignedGets404OnItsLetter() {
        Cases c = cases();
        assertEquals(
                404,
                c.api()
                        .get(app(c.decided()) + "/letter", c.unassigned().token())
                        .status());
    }

    @Test
    void anAssignedReviewerDownloadsTheDocument() {
        Cases c = cases();
        ApiClient.Reply document = c.api()
                .get(
                        app(c.decided()) + "/documents/" + c.document(),
                        c.assigned().token());
        assertEquals(200, document.status());
        assertEquals("%PDF-", document.body().substring(0, 5));
    }

    @Test
    void aReviewerNotAssignedGets404OnTheCasePage() {
        Cases c = cases();
        PageSession page = signedIn(c, c.unassigned());
        assertEquals(
                404,
                page.get("/certification/application.xhtml?id=" + c.decided()).status());
    }

    @Test
    void aReviewerNotAssignedGets404FromTheDocumentServlet() {
        Cases c = cases();
        PageSession page = signedIn(c, c.unassigned());
        assertEquals(
                404,
                page.get("/certification/document?id=" + c.decided() + "&doc=" + c.document())
                        .status());
    }

    @Test
    void aReviewerNotAssignedGets404FromTheLetterServlet() {
        Cases c = cases();
        PageSession page = signedIn(c, c.unassigned());
        assertEquals(
                404, page.get("/certification/letter.pdf?id=" + c.decided()).status());
    }

    @Test
    void anAssignedReviewerGetsTheLetterFromTheServlet() {
        Cases c = cases();
        PageSession page = signedIn(c, c.assigned());
        PageSession.Answer letter = page.get("/certification/letter.pdf?id=" + c.decided());
        assertEquals(200, letter.status());
        assertEquals("%PDF-", letter.body().substring(0, 5));
    }

    // another school's admin, and what a school admin may not do

    @Test
    void aSchoolAdminGets404OnAnotherSchoolsCase() {
        Cases c = cases();
        assertEquals(
                404, c.api().get(app(c.decided()), c.otherSchoolAdmin().token()).status());
    }

    @Test
    void aSchoolAdminGets404OnAnotherSchoolsDocument() {
        Cases c = cases();
        assertEquals(
                404,
                c.api()
                        .get(
                                app(c.decided()) + "/documents/" + c.document(),
                                c.otherSchoolAdmin().token())
                        .status());
    }

    @Test
    void aSchoolAdminCannotDecideTheirOwnCase() {
        Cases c = cases();
        assertEquals(
                403,
                c.api()
                        .post(
                                app(c.draft()) + "/decision",
                                c.schoolAdmin().token(),
                                Json.object()
                                        .add("outcome", "CERTIFIED")
                                        .build()
                                        .toString())
                        .status());
    }

    @Test
    void aSchoolAdminCannotAssignReviewers() {
        Cases c = cases();
        assertEquals(
                403,
                c.api()
                        .post(
                                app(c.draft()) + "/reviewers",
                                c.schoolAdmin().token(),
                                Json.object()
                                        .add("reviewer", c.unassigned().username())
                                        .build()
                                        .toString())
                        .status());
    }

    // audit

    @Test
    void aDocumentDownloadIsAudited() {
        Cases c = cases();
        String query = "/audit?action=VIEW&actor=" + c.assigned().username() + "&subject="
                + URLEncoder.encode("certification application " + c.decided(), StandardCharsets.UTF_8);
        int before = c.api().get(query, c.admin()).json().getInt("total");
        assertEquals(
                200,
                c.api()
                        .get(
                                app(c.decided()) + "/documents/" + c.document(),
                                c.assigned().token())
                        .status());
        assertEquals(before + 1, c.api().get(query, c.admin()).json().getInt("total"));
    }

    // versions

    @Test
    void aCriterionChangeWithoutIfMatchIs428() {
        Cases c = cases();
        assertEquals(
                428,
                c.api()
                        .put(
                                "/certification/criteria/" + c.criterion(),
                                c.admin(),
                                criterion(c.criterion(), "No version", false))
                        .status());
    }

    @Test
    void aCriterionChangeFromAnEarlierVersionIs412() {
        Cases c = cases();
        assertEquals(
                412,
                c.api()
                        .put(
                                "/certification/criteria/" + c.criterion(),
                                c.admin(),
                                criterion(c.criterion(), "Stale", false),
                                c.staleCriterionTag())
                        .status());
    }

    @Test
    void aCriterionChangeFromTheCurrentVersionAnswersTheNextVersion() {
        Cases c = cases();
        ApiClient.Reply read = c.api().get("/certification/criteria/" + c.criterion(), c.admin());
        ApiClient.Reply changed = c.api()
                .put(
                        "/certification/criteria/" + c.criterion(),
                        c.admin(),
                        criterion(c.criterion(), "Current", false),
                        ApiClient.etag(read));
        assertEquals(200, changed.status(), changed.toString());
        assertEquals("\"" + (changed.json().getInt("version")) + "\"", ApiClient.etag(changed));
        assertNotEquals(ApiClient.etag(read), ApiClient.etag(changed));
    }

    @Test
    void aCycleChangeWithoutIfMatchIs428() {
        Cases c = cases();
        assertEquals(
                428,
                c.api()
                        .put(
                                "/certification/cycles/" + c.cycle(),
                                c.admin(),
                                Json.object()
                                        .add("name", "No version")
                                        .add(
                                                "opensOn",
                                                LocalDate.now().minusDays(1).toString())
                                        .add(
                                                "closesOn",
                                                LocalDate.now().plusDays(1).toString())
                                        .add("passMark", 50)
                                        .build()
                                        .toString())
                        .status());
    }

    @Test
    void aStatementChangeWithoutIfMatchIs428() {
        Cases c = cases();
        assertEquals(
                428,
                c.api()
                        .put(
                                app(c.draft()) + "/evidence/" + c.criterionOfDrafts(),
                                c.schoolAdmin().token(),
                                Json.object()
                                        .add("statement", "no version")
                                        .build()
                                        .toString())
                        .status());
    }

    @Test
    void aStatementChangeFromAnEarlierVersionIs412() {
        Cases c = cases();
        String path = app(c.draft()) + "/evidence/" + c.criterionOfDrafts();
        String read = ApiClient.etag(c.api().get(path, c.schoolAdmin().token()));
        assertEquals(
                200,
                c.api()
                        .put(
                                path,
                                c.schoolAdmin().token(),
                                Json.object()
                                        .add("statement", "first " + read)
                                        .build()
                                        .toString(),
                                read)
                        .status());
        assertEquals(
                412,
                c.api()
                        .put(
                                path,
                                c.schoolAdmin().token(),
                                Json.object().add("statement", "second").build().toString(),
                                read)
                        .status());
    }

    // the case page: its id is a view parameter, which a postback can change

    @Test
    void aCasePagePostbackNamingAnotherSchoolsCaseIsRefused() {
        Cases c = cases();
        PageSession.Answer answer = tamperedSave(c);
        assertEquals(200, answer.status());
        assertEquals("Refused: application " + c.otherDraft() + " not found", refusal(answer.body()));
    }

    @Test
    void aCasePagePostbackNamingAnotherSchoolsCaseChangesNothingThere() {
        Cases c = cases();
        tamperedSave(c);
        JsonObject part = c.api()
                .get(app(c.otherDraft()), c.admin())
                .json()
                .getJsonArray("evidence")
                .getJsonObject(0);
        assertNull(part.containsKey("statement") && !part.isNull("statement") ? part.getString("statement") : null);
    }

    @Test
    void aStatementSavedOverSomeoneElsesChangeIsRefusedWithAMessage() {
        Cases c = cases();
        PageSession first = signedIn(c, c.schoolAdmin());
        PageSession second = signedIn(c, c.schoolAdmin());
        PageSession.Answer firstPage = first.get("/certification/application.xhtml?id=" + c.draft());
        PageSession.Answer secondPage = second.get("/certification/application.xhtml?id=" + c.draft());
        saveStatement(first, firstPage, "the first tab's text " + System.nanoTime(), Map.of());
        PageSession.Answer answer =
                saveStatement(second, secondPage, "the second tab's text " + System.nanoTime(), Map.of());
        assertEquals(
                "Someone else changed these statements since you opened the page. Nothing was saved: your text is"
                        + " still in the form; reload the page to see their change, then save again.",
                refusal(answer.body()));
    }

    /** The school admin opens their own draft's page and saves a statement with the other school's case id added. */
    private static PageSession.Answer tamperedSave(Cases c) {
        PageSession session = signedIn(c, c.schoolAdmin());
        PageSession.Answer page = session.get("/certification/application.xhtml?id=" + c.draft());
        assertEquals(200, page.status());
        return saveStatement(
                session, page, "written through a changed id", Map.of("id", Long.toString(c.otherDraft())));
    }

    private static PageSession signedIn(Cases c, Fixtures.Person person) {
        PageSession session = new PageSession(c.base());
        assertEquals(true, session.signIn(person.username(), Fixtures.PASSWORD), person.username() + " signs in");
        return session;
    }

    /**
     * The case page's "Save statements" as PrimeFaces posts it (Ajax, with the page's view state and
     * CSP nonce), the first criterion's statement changed, and any {@code extra} field a script adds.
     * It executes the whole view, as a client may ask, so a view parameter in the request is applied.
     */
    private static PageSession.Answer saveStatement(
            PageSession session, PageSession.Answer page, String text, Map<String, String> extra) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Faces-Request", "partial/ajax");
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", "evidence:save");
        fields.put("jakarta.faces.partial.execute", "@all");
        fields.put("jakarta.faces.partial.render", "case messages");
        fields.put("evidence:save", "evidence:save");
        fields.put("evidence", "evidence");
        fields.put("evidence:parts:0:statement", text);
        fields.putAll(extra);
        fields.put("jakarta.faces.ViewState", page.viewState());
        Matcher nonce = NONCE.matcher(page.body());
        if (nonce.find()) {
            fields.put("primefaces.nonce", nonce.group(1));
        }
        return session.post("/certification/application.xhtml", fields);
    }

    /** The error message in a page or a partial response. */
    private static String refusal(String answer) {
        Matcher m = ERROR.matcher(answer);
        return m.find() ? m.group(1).replace("&#58;", ":") : "no error message in: " + answer;
    }
}
