package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.PermitAll;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.identity.Role;
import org.talentpipeline.identity.Scope;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.ApiRoutes;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;
import org.talentpipeline.it.PageSession;

/**
 * Walks the access policy ({@link Operation}): every API route, page and servlet, called
 * anonymously and as every role, on a record of the caller's own tenant and on another's, fails on
 * any answer that differs from the policy. A route's operation is its {@link Performs}; a page's or
 * servlet's stands in {@link #PAGES}. Inside the grant the answer may be anything but 401, 403, 404
 * and 5xx (an empty body's 400 is fine: the check came first); outside it, 404 for another tenant's
 * record, 403 for a role the operation does not grant, 401 (API) or the sign-in page without a caller.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessPolicyIT {

    /** Each page and servlet: the operation that opening it performs, and a query naming a record, if it needs one. */
    static final Map<String, Operation> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/index.xhtml", null);
        PAGES.put("/account/password.xhtml", null);
        PAGES.put("/account/settings.xhtml", Operation.OWN_ACCOUNT);
        PAGES.put("/school/list.xhtml", Operation.SCHOOL_READ);
        PAGES.put("/school/edit.xhtml?code={school}", Operation.SCHOOL_READ);
        PAGES.put("/school/agencies.xhtml?code={school}", Operation.AGENCY_APPROVAL);
        PAGES.put("/me/record.xhtml", Operation.OWN_RECORD);
        PAGES.put("/privacy/retention.xhtml", Operation.RETENTION);
        PAGES.put("/privacy/minors.xhtml", Operation.MINORS_REPORT);
        PAGES.put("/privacy/corrections.xhtml?school={school}", Operation.CORRECTION_DECIDE);
        PAGES.put("/privacy/appeals.xhtml", Operation.APPEAL_REVIEW);
        PAGES.put("/student/list.xhtml?school={school}", Operation.STUDENT_READ);
        PAGES.put("/student/edit.xhtml?ref={ref}", Operation.STUDENT_READ);
        PAGES.put("/student/import.xhtml?school={school}", Operation.STUDENT_IMPORT);
        PAGES.put("/student/export.csv?school={school}", Operation.STUDENT_EXPORT);
        PAGES.put("/competition/events.xhtml", Operation.EVENT_READ);
        PAGES.put("/competition/event.xhtml?code={event}", Operation.EVENT_READ);
        PAGES.put("/integrity/cases.xhtml?code={event}", Operation.INTEGRITY_READ);
        PAGES.put("/integrity/decisions.xhtml", Operation.INTEGRITY_DECISIONS);
        PAGES.put("/evaluation/judge.xhtml?code={judgedEvent}", Operation.JUDGING_READ);
        PAGES.put("/scoring/report.xhtml?ref={ref}", Operation.REPORT_READ);
        PAGES.put("/scoring/settings.xhtml", Operation.SCORING_ADMINISTRATION);
        PAGES.put("/search/candidates.xhtml", Operation.CANDIDATE_SEARCH);
        PAGES.put("/placement/positions.xhtml", Operation.PLACEMENT_READ);
        PAGES.put("/placement/board.xhtml?id={position}", Operation.PLACEMENT_READ);
        PAGES.put("/certification/applications.xhtml", Operation.APPLICATION_READ);
        PAGES.put("/certification/application.xhtml?id={case}", Operation.APPLICATION_READ);
        PAGES.put("/certification/letter.xhtml?id={decidedCase}", Operation.APPLICATION_READ);
        PAGES.put("/certification/letter.pdf?id={decidedCase}", Operation.APPLICATION_READ);
        PAGES.put("/certification/programme.xhtml", Operation.PROGRAMME_WRITE);
        PAGES.put("/identity/users.xhtml", Operation.USER_ADMINISTRATION);
        PAGES.put("/audit/log.xhtml", Operation.AUDIT_READ);
        PAGES.put("/analytics/school.xhtml?school={school}", Operation.SCHOOL_FIGURES);
        PAGES.put("/analytics/nation.xhtml", Operation.NATIONAL_FIGURES);
    }

    /**
     * The demo's people, one per role: XDU's school admin, NCSC's recruiter, the reviewer on SJTU's case,
     * the student whose account is linked to XDU's first consenting student.
     */
    enum Who {
        ANONYMOUS(null, null),
        ADMIN("admin", Role.ADMIN),
        SCHOOL_ADMIN("school_admin", Role.SCHOOL_ADMIN),
        EVALUATOR("evaluator", Role.EVALUATOR),
        REVIEWER("reviewer", Role.REVIEWER),
        RECRUITER("recruiter", Role.RECRUITER),
        STUDENT("student", Role.STUDENT);

        final String username;
        final Role role;

        Who(String username, Role role) {
            this.username = username;
            this.role = role;
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL url;

    @Test
    void everyRouteDeclaresItsOperation() {
        List<String> undeclared = ApiRoutes.all().stream()
                .filter(r -> !r.resource().isAnnotationPresent(Performs.class)
                        && !r.resource().isAnnotationPresent(PermitAll.class))
                .map(ApiRoutes.Route::toString)
                .toList();
        assertEquals(List.of(), undeclared, "routes without @Performs (or @PermitAll)");
    }

    @Test
    void everyPageIsDeclared() throws IOException {
        Path webapp = Path.of("src/main/webapp");
        Set<String> declared =
                PAGES.keySet().stream().map(p -> p.replaceFirst("\\?.*", "")).collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(webapp)) {
            List<String> undeclared = files.map(
                            f -> "/" + webapp.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(".xhtml")
                            && !f.startsWith("/WEB-INF/")
                            && !f.startsWith("/errors/")
                            && !f.equals("/login.xhtml")
                            && !f.equals("/activate.xhtml"))
                    .filter(f -> !declared.contains(f))
                    .sorted()
                    .toList();
            assertEquals(List.of(), undeclared, "pages missing from the policy walk");
        }
    }

    @Test
    void apiAnswersAsThePolicySays() {
        Universe u = universe();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (ApiRoutes.Route route : ApiRoutes.all()) {
            Performs performs = route.resource().getAnnotation(Performs.class);
            if (performs == null) {
                continue;
            }
            Operation op = performs.value();
            for (Who who : Who.values()) {
                for (boolean inside : new boolean[] {true, false}) {
                    Scope scope = who.role == null ? null : op.grants().get(who.role);
                    if (!inside
                            && u.values(route, who, scope, false, false)
                                    .equals(u.values(route, who, scope, true, false))) {
                        continue; // no record of another tenant to try on this route
                    }
                    Map<String, String> values = u.values(route, who, scope, inside, true);
                    int status = u.call(route, who, values);
                    calls++;
                    String expected = studentOutsideOwnRecord(who, scope, op, route)
                            ? "404"
                            : expectation(who, scope, inside, u.mayBeAbsent(route));
                    if (!meets(expected, status)) {
                        wrong.add(route + " as " + who + (inside ? "" : " on another tenant's record") + " " + values
                                + ": " + status + ", expected " + expected + " (" + op + ")");
                    }
                }
            }
        }
        u.tidy();
        assertTrue(calls > 400, "only " + calls + " calls made");
        assertEquals(List.of(), wrong, "answers that differ from the policy, of " + calls + " calls");
    }

    @Test
    void pagesAnswerAsThePolicySays() {
        Universe u = universe();
        List<String> wrong = new ArrayList<>();
        int visits = 0;
        for (Map.Entry<String, Operation> page : PAGES.entrySet()) {
            Operation op = page.getValue();
            for (Who who : Who.values()) {
                for (boolean inside : new boolean[] {true, false}) {
                    Scope scope = who.role == null || op == null
                            ? (who.role == null ? null : Scope.ALL)
                            : op.grants().get(who.role);
                    String path = u.page(page.getKey(), who, scope, inside);
                    if (!inside && path.equals(u.page(page.getKey(), who, scope, true))) {
                        continue;
                    }
                    PageSession.Answer answer = u.session(who).get(path);
                    visits++;
                    String expected = who == Who.ANONYMOUS
                            ? "sign-in"
                            : who == Who.STUDENT && page.getKey().startsWith("/student/")
                                    ? "403"
                                    : expectation(who, scope, inside, false);
                    boolean ok = who == Who.ANONYMOUS
                            ? answer.status() == 302
                                    && answer.location() != null
                                    && answer.location().contains("login.xhtml")
                            : meets(expected, answer.status());
                    if (!ok) {
                        wrong.add(path + " as " + who + ": " + answer + ", expected " + expected + " (" + op + ")");
                    }
                }
            }
        }
        assertTrue(visits > 100, "only " + visits + " pages visited");
        assertEquals(List.of(), wrong, "pages that differ from the policy, of " + visits + " visits");
    }

    /**
     * A STUDENT's OWN grant of the school's student operations reaches their own record alone: a route
     * that names no student (a list, a school's students) finds nothing of theirs, 404. (The school's
     * student pages are the school's: web.xml keeps a STUDENT out of /student/*, 403; their own record
     * has its own page.)
     */
    private static boolean studentOutsideOwnRecord(Who who, Scope scope, Operation op, ApiRoutes.Route route) {
        return who == Who.STUDENT
                && scope == Scope.OWN
                && (op == Operation.STUDENT_READ || op == Operation.REPORT_READ)
                && !route.pathParams().contains("ref");
    }

    /** What the policy says a caller gets: "401", "403", "404" or "allowed". */
    private static String expectation(Who who, Scope scope, boolean inside, boolean mayBeAbsent) {
        if (who == Who.ANONYMOUS) {
            return "401";
        }
        if (scope == null) {
            return "403";
        }
        if (!inside) {
            return "404";
        }
        return mayBeAbsent ? "allowed or absent" : "allowed";
    }

    private static boolean meets(String expected, int status) {
        return switch (expected) {
            case "allowed" -> status != 401 && status != 403 && status != 404 && status < 500;
            case "allowed or absent" -> status != 401 && status != 403 && status < 500;
            default -> Integer.toString(status).equals(expected);
        };
    }

    private static Universe universe;

    private Universe universe() {
        if (universe == null) {
            universe = new Universe(Deployments.local(url));
        }
        return universe;
    }

    /**
     * The records the walk uses: for each kind of path parameter one inside each role's tenancy and
     * one outside it, from the demo data, plus what the demo lacks (another agency's placement and
     * saved search), made through the API.
     */
    static final class Universe {

        final String root;
        final ApiClient api;
        final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        final Map<Who, String> tokens = new EnumMap<>(Who.class);
        final Map<Who, PageSession> sessions = new EnumMap<>(Who.class);
        final String admin;
        final Fixtures fixtures;

        // students: XDU (the school admin's school) and SJTU, consenting and not
        final String xduConsenting;
        final String xduWithholding;
        final String sjtuStudent;
        // the demo student's own record
        final String ownRef;
        final String event;
        final String judgedEvent = "XDU-FORENSICS-2026";
        final long xduCase;
        final long sjtuCase;
        final long decidedCase;
        final long reviewerCase;
        final long unassignedCase;
        final String criterion;
        final String cycle;
        final long ncscPosition;
        final long certPosition;
        final long ncscPlacement;
        final long certPlacement;
        final String otherRecruiter;
        final long job;

        Universe(String base) {
            root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            api = new ApiClient(root);
            fixtures = new Fixtures(api);
            admin = fixtures.adminToken();
            for (Who who : Who.values()) {
                if (who.username != null) {
                    tokens.put(who, api.token(who.username, Fixtures.DEMO_PASSWORD));
                }
            }
            xduConsenting = firstStudent("XDU", true);
            xduWithholding = firstStudent("XDU", false);
            sjtuStudent = firstStudent("SJTU", true);
            ownRef = api.get("/me/record", tokens.get(Who.STUDENT))
                    .json()
                    .getJsonObject("student")
                    .getString("ref");
            event = items(api.get("/events?size=1", admin))
                    .get(0)
                    .asJsonObject()
                    .getString("code");
            List<JsonObject> cases = items(api.get("/certification/applications?size=100", admin)).stream()
                    .map(JsonValue::asJsonObject)
                    .toList();
            xduCase = caseOf(cases, "XDU");
            sjtuCase = caseOf(cases, "SJTU");
            decidedCase = xduCase;
            reviewerCase = cases.stream()
                    .filter(c -> reviewers(c.getJsonNumber("id").longValue()).contains("reviewer"))
                    .findFirst()
                    .orElseThrow()
                    .getJsonNumber("id")
                    .longValue();
            unassignedCase = draftCase();
            criterion = api.get("/certification/criteria", admin)
                    .parse()
                    .asJsonArray()
                    .get(0)
                    .asJsonObject()
                    .getString("code");
            cycle = api.get("/certification/cycles", admin)
                    .parse()
                    .asJsonArray()
                    .get(0)
                    .asJsonObject()
                    .getString("code");
            List<JsonObject> positions = api.get("/positions", admin).parse().asJsonArray().stream()
                    .map(JsonValue::asJsonObject)
                    .toList();
            ncscPosition = positionOf(positions, "NCSC");
            certPosition = positionOf(positions, "CERT");
            ncscPlacement = firstPlacement(ncscPosition, admin);
            Fixtures.Person certRecruiter = fixtures.person("RECRUITER", null, "CERT");
            otherRecruiter = certRecruiter.token();
            ApiClient.Reply placed = api.post(
                    "/placements",
                    otherRecruiter,
                    Json.object()
                            .add("position", certPosition)
                            .add("student", xduConsenting)
                            .build()
                            .toString());
            assertEquals(201, placed.status(), placed.toString());
            certPlacement = placed.json().getJsonNumber("id").longValue();
            api.post("/scoring/recompute", admin, "");
            job = items(api.get("/scoring/jobs", admin))
                    .get(0)
                    .asJsonObject()
                    .getJsonNumber("id")
                    .longValue();
        }

        private String firstStudent(String school, boolean consenting) {
            JsonObject student = items(api.get("/schools/" + school + "/students?size=100", admin)).stream()
                    .map(JsonValue::asJsonObject)
                    .filter(s -> s.getBoolean("consentToShare") == consenting)
                    .findFirst()
                    .orElseThrow();
            return school + "/" + student.getString("studentNumber");
        }

        private List<JsonValue> items(ApiClient.Reply reply) {
            assertEquals(200, reply.status(), reply.toString());
            JsonValue parsed = reply.parse();
            return parsed.getValueType() == JsonValue.ValueType.ARRAY
                    ? parsed.asJsonArray()
                    : parsed.asJsonObject().getJsonArray("items");
        }

        private static long caseOf(List<JsonObject> cases, String school) {
            return cases.stream()
                    .filter(c -> school.equals(c.getString("school", null)))
                    .findFirst()
                    .orElseThrow()
                    .getJsonNumber("id")
                    .longValue();
        }

        /** A case no reviewer is assigned to: a new school's draft, opened by its own school admin. */
        private long draftCase() {
            String school = fixtures.school("North");
            String schoolAdmin = fixtures.user("SCHOOL_ADMIN", school, null);
            ApiClient.Reply opened = api.post("/certification/applications", schoolAdmin, "{}");
            assertEquals(201, opened.status(), opened.toString());
            return opened.json().getJsonNumber("id").longValue();
        }

        private Set<String> reviewers(long caseId) {
            return api.get("/certification/applications/" + caseId, admin).json().getJsonArray("reviews").stream()
                    .map(r -> r.asJsonObject().getString("reviewer"))
                    .collect(Collectors.toSet());
        }

        private static long positionOf(List<JsonObject> positions, String agency) {
            return positions.stream()
                    .filter(p -> agency.equals(p.getString("agency")))
                    .findFirst()
                    .orElseThrow()
                    .getJsonNumber("id")
                    .longValue();
        }

        private long firstPlacement(long position, String token) {
            JsonObject board =
                    api.get("/positions/" + position + "/board", token).json();
            return board.values().stream()
                    .flatMap(v -> v.asJsonArray().stream())
                    .findFirst()
                    .orElseThrow()
                    .asJsonObject()
                    .getJsonNumber("id")
                    .longValue();
        }

        /** A saved search of {@code token}'s recruiter, made for one call (a DELETE spends it). */
        private long savedSearch(String token) {
            ApiClient.Reply saved = api.post(
                    "/candidates/searches",
                    token,
                    Json.object()
                            .add("name", Fixtures.unique("walk"))
                            .add("query", Json.object().add("minScore", "1"))
                            .build()
                            .toString());
            assertEquals(201, saved.status(), saved.toString());
            return saved.json().getJsonNumber("id").longValue();
        }

        /** A student made for one call (a DELETE spends it); {@link #tidy()} removes those no call deleted. */
        private String freshStudent(String school) {
            String number = Fixtures.unique("W");
            fixtures.students(school, number + ",Walk Student," + "2004-01-01,walk@example.org,2022,2026,true");
            made.add(school + "/" + number);
            return school + "/" + number;
        }

        private final List<String> made = new ArrayList<>();

        /** Deletes the students the walk made, so that the demo schools hold what other tests expect. */
        void tidy() {
            for (String ref : made) {
                api.delete("/students/" + encode(ref), admin);
            }
            made.clear();
        }

        /**
         * Routes whose record the walk cannot make (an evidence document, a throttle, a student's
         * correction request or appeal, an integrity case): 404 inside the grant is fine there.
         */
        boolean mayBeAbsent(ApiRoutes.Route route) {
            return route.pathParams().contains("document")
                    || route.template().contains("throttle")
                    || route.template().contains("/corrections/")
                    || route.template().contains("/appeals/")
                    || route.template().contains("/integrity/cases/");
        }

        /** The path parameters for a call: a record within the caller's scope, or one outside it. */
        Map<String, String> values(ApiRoutes.Route route, Who who, Scope scope, boolean inside, boolean make) {
            String t = route.template();
            boolean fresh = route.method().equals("DELETE");
            Map<String, String> v = new HashMap<>();
            boolean outsideSchool = !inside && scope == Scope.OWN_SCHOOL;
            boolean outsideAgency = !inside && scope == Scope.OWN_AGENCY;
            for (String p : route.pathParams()) {
                switch (p) {
                    case "code" ->
                        v.put(
                                p,
                                t.contains("/schools/")
                                        ? (outsideSchool ? "SJTU" : "XDU")
                                        : t.contains("/criteria/")
                                                ? criterion
                                                : t.contains("/cycles/")
                                                        ? cycle
                                                        : t.contains("/judging") ? judgedEvent : event);
                    case "ref" ->
                        v.put(
                                p,
                                encode(
                                        scope == Scope.OWN
                                                ? (inside ? ownRef : xduWithholding)
                                                : fresh
                                                        ? (make
                                                                ? freshStudent(outsideSchool ? "SJTU" : "XDU")
                                                                : "new/" + outsideSchool)
                                                        : outsideSchool
                                                                ? sjtuStudent
                                                                : (!inside && scope == Scope.CONSENTING)
                                                                        ? xduWithholding
                                                                        : xduConsenting));
                    case "criterion" -> v.put(p, criterion);
                    case "document" -> v.put(p, "999999999");
                    case "username" ->
                        v.put(p, make ? fixtures.person("EVALUATOR", null, null).username() : "new user");
                    case "address" -> v.put(p, "192.0.2.1");
                    case "table" -> v.put(p, "distribution");
                    case "id" ->
                        v.put(
                                p,
                                Long.toString(
                                        t.contains("/applications/")
                                                ? (scope == Scope.ASSIGNED
                                                        ? (inside ? reviewerCase : unassignedCase)
                                                        : outsideSchool ? sjtuCase : xduCase)
                                                : t.contains("/positions/")
                                                        ? (outsideAgency ? certPosition : ncscPosition)
                                                        : t.contains("/placements/")
                                                                ? (outsideAgency ? certPlacement : ncscPlacement)
                                                                : t.contains("/searches/")
                                                                        ? (!make
                                                                                ? (!inside && scope == Scope.OWN
                                                                                        ? -2
                                                                                        : -1)
                                                                                : savedSearch(
                                                                                        !inside && scope == Scope.OWN
                                                                                                ? otherRecruiter
                                                                                                : tokens.get(
                                                                                                        Who.RECRUITER)))
                                                                        : t.contains("/jobs/") ? job : 1));
                    default -> v.put(p, "unknown");
                }
            }
            return v;
        }

        String page(String template, Who who, Scope scope, boolean inside) {
            boolean outsideSchool = !inside && scope == Scope.OWN_SCHOOL;
            return template.replace("{school}", outsideSchool ? "SJTU" : "XDU")
                    .replace(
                            "{ref}",
                            encode(
                                    scope == Scope.OWN
                                            ? (inside ? ownRef : xduWithholding)
                                            : outsideSchool
                                                    ? sjtuStudent
                                                    : (!inside && scope == Scope.CONSENTING)
                                                            ? xduWithholding
                                                            : xduConsenting))
                    .replace("{event}", event)
                    .replace("{judgedEvent}", judgedEvent)
                    .replace(
                            "{position}",
                            Long.toString(!inside && scope == Scope.OWN_AGENCY ? certPosition : ncscPosition))
                    .replace(
                            "{case}",
                            Long.toString(
                                    scope == Scope.ASSIGNED
                                            ? (inside ? reviewerCase : unassignedCase)
                                            : outsideSchool ? sjtuCase : xduCase))
                    .replace(
                            "{decidedCase}",
                            Long.toString(
                                    scope == Scope.ASSIGNED
                                            ? (inside ? reviewerCase : unassignedCase)
                                            : outsideSchool ? sjtuCase : decidedCase));
        }

        PageSession session(Who who) {
            return sessions.computeIfAbsent(who, w -> {
                PageSession s = new PageSession(root);
                if (w.username != null && !s.signIn(w.username, Fixtures.DEMO_PASSWORD)) {
                    throw new IllegalStateException(w.username + " could not sign in");
                }
                return s;
            });
        }

        /** Calls a route as a caller with an empty body, and the version "0" where an edit needs one. */
        int call(ApiRoutes.Route route, Who who, Map<String, String> values) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + route.expand(values)))
                    .timeout(Duration.ofSeconds(60));
            if (who.username != null) {
                b.header("Authorization", "Bearer " + tokens.get(who));
            }
            String type = route.consumes().isEmpty()
                    ? "application/json"
                    : route.consumes().get(0);
            if (type.contains("*")) {
                type = "application/json";
            }
            String body = type.contains("json") ? "{}" : "";
            if (route.writes()) {
                b.header("Content-Type", type).header("If-Match", "\"0\"");
            }
            switch (route.method()) {
                case "GET" -> b.GET();
                case "DELETE" -> b.DELETE();
                default -> b.method(route.method(), HttpRequest.BodyPublishers.ofString(body));
            }
            try {
                int status = http.send(b.build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (route.template().endsWith("/auth/logout") && who.username != null) {
                    tokens.put(who, api.token(who.username, Fixtures.DEMO_PASSWORD));
                }
                return status;
            } catch (IOException e) {
                return 599;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String encode(String ref) {
            return URLEncoder.encode(ref, StandardCharsets.UTF_8);
        }
    }
}
