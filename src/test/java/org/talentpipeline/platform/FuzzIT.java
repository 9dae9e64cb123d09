package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.ApiRoutes;
import org.talentpipeline.it.Bodies;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;
import org.talentpipeline.it.PageSession;

/**
 * No input produces a 500. Every POST and PUT route of the API ({@link ApiRoutes}), with real demo
 * records in its path, gets a few thousand mutated bodies from a seeded generator: truncated JSON,
 * wrong types, numbers out of range, deep nesting, control characters, bytes that are not UTF-8,
 * wrong content types, bodies over the limit, broken CSV. Every GET route gets mutated query and
 * path parameters, and every page its view parameters, signed in as ADMIN. Nothing may answer 5xx,
 * and since nothing valid is sent, the number of students, events and schools stays the same.
 *
 * <p>The bodies are built never to be valid: each JSON body has a syntax error, or one field of a
 * type or size that cannot be bound (a string field gets an object), so the demo records a route
 * names are not changed. Routes that take no body would act whatever is sent; they get only a body
 * over the limit, which is refused before they run.
 */
@ExtendWith(ArquillianExtension.class)
class FuzzIT {

    static final long SEED = 18;
    /** Extra random bodies on top of the systematic ones. */
    static final int RANDOM_BODIES = 1500;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    ApiClient api;
    String root;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** The demo users by role, and the values for path parameters, read once. */
    static Map<String, String> tokens;

    static Map<String, String> values;
    /** The body fuzz runs once; two tests read what it found. */
    static BodyFuzz bodies;

    record Finding(String request, int status, String body) {
        @Override
        public String toString() {
            return status + " for " + request + ": " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    record BodyFuzz(int sent, List<Finding> serverErrors, Map<String, Long> before, Map<String, Long> after) {}

    @BeforeEach
    void setUp() {
        api = Deployments.api(deployment);
        root = Deployments.local(deployment);
        if (tokens == null) {
            Map<String, String> t = new HashMap<>();
            t.put("ADMIN", api.token("admin", Fixtures.DEMO_PASSWORD));
            t.put("SCHOOL_ADMIN", api.token("school_admin", Fixtures.DEMO_PASSWORD));
            t.put("EVALUATOR", api.token("evaluator", Fixtures.DEMO_PASSWORD));
            t.put("RECRUITER", api.token("recruiter", Fixtures.DEMO_PASSWORD));
            t.put("REVIEWER", api.token("reviewer", Fixtures.DEMO_PASSWORD));
            t.put("STUDENT", api.token("student", Fixtures.DEMO_PASSWORD));
            tokens = t;
            values = demoValues();
        }
    }

    // --- the tests -------------------------------------------------------------------------------

    @Test
    void noMutatedBodyGetsA5xx() {
        BodyFuzz fuzz = bodyFuzz();
        assertTrue(fuzz.sent() > 2000, "only " + fuzz.sent() + " bodies sent");
        assertEquals("", report(fuzz.serverErrors()));
    }

    @Test
    void mutatedBodiesChangeNoCounts() {
        BodyFuzz fuzz = bodyFuzz();
        assertEquals(fuzz.before(), fuzz.after());
    }

    @Test
    void noMutatedQueryOrPathParameterGetsA5xx() {
        Random random = new Random(SEED);
        List<Finding> errors = new ArrayList<>();
        int sent = 0;
        for (ApiRoutes.Route route : ApiRoutes.all()) {
            if (!route.method().equals("GET")) {
                continue;
            }
            String token = tokenFor(route, 0);
            String path = route.expand(pathValues(route));
            List<String> names = new ArrayList<>(route.queryParams());
            if (route.template().startsWith("/api/v1/candidates")) {
                // read through UriInfo, so not declared: the names the README lists
                names.addAll(List.of(
                        "q",
                        "category",
                        "minCategoryPercentile",
                        "minScore",
                        "region",
                        "school",
                        "certifiedOnly",
                        "gradFrom",
                        "gradTo",
                        "certification",
                        "workRole",
                        "sort"));
            }
            for (String name : names) {
                for (String value : BAD_PARAMETERS) {
                    errors.addAll(check(
                            "GET " + path + "?" + name + "=" + value, get(path + "?" + name + "=" + value, token)));
                    sent++;
                }
                String random1 = randomParameter(random);
                errors.addAll(check(
                        "GET " + path + "?" + name + "=" + random1, get(path + "?" + name + "=" + random1, token)));
                sent++;
            }
            for (String param : route.pathParams()) {
                for (String value : BAD_PATH_VALUES) {
                    Map<String, String> mutated = new HashMap<>(pathValues(route));
                    mutated.put(param, value);
                    String bad = route.expand(mutated);
                    errors.addAll(check("GET " + bad, get(bad, token)));
                    sent++;
                }
            }
        }
        assertTrue(sent > 500, "only " + sent + " requests sent");
        assertEquals("", report(errors));
    }

    @Test
    void noMutatedPageParameterGetsA5xx() throws IOException {
        PageSession admin = new PageSession(root);
        assertTrue(admin.signIn("admin", Fixtures.DEMO_PASSWORD), "signed in");
        Random random = new Random(SEED);
        List<Finding> errors = new ArrayList<>();
        Map<String, List<String>> pages = pagesWithParameters();
        assertTrue(pages.containsKey("student/list.xhtml"), pages.toString());
        int sent = 0;
        for (Map.Entry<String, List<String>> page : pages.entrySet()) {
            for (String name : page.getValue()) {
                List<String> tried = new ArrayList<>(BAD_PARAMETERS);
                tried.add(randomParameter(random));
                for (String value : tried) {
                    String url = page.getKey() + "?" + name + "=" + value;
                    PageSession.Answer response = admin.get("/" + url);
                    sent++;
                    if (response.status() >= 500) {
                        errors.add(new Finding("GET /" + url, response.status(), response.body()));
                    }
                }
            }
        }
        assertTrue(sent > 100, "only " + sent + " pages requested");
        assertEquals("", report(errors));
    }

    // --- the body fuzz ---------------------------------------------------------------------------

    synchronized BodyFuzz bodyFuzz() {
        if (bodies == null) {
            Map<String, Long> before = counts();
            Random random = new Random(SEED);
            List<Finding> errors = new ArrayList<>();
            int sent = 0;
            List<ApiRoutes.Route> routes = ApiRoutes.writes();
            Map<ApiRoutes.Route, List<Body>> systematic = new LinkedHashMap<>();
            for (ApiRoutes.Route route : routes) {
                systematic.put(route, bodiesFor(route));
            }
            for (Map.Entry<ApiRoutes.Route, List<Body>> entry : systematic.entrySet()) {
                int i = 0;
                for (Body body : entry.getValue()) {
                    errors.addAll(send(entry.getKey(), body, i++));
                    sent++;
                }
            }
            // then random ones for the routes that bind JSON to a record: a systematic body cut short at a
            // random byte (never whole, so never valid), or two bad fields at once
            List<ApiRoutes.Route> withBodies = systematic.keySet().stream()
                    .filter(r -> entity(r) != null && raw(entity(r)).isRecord())
                    .toList();
            for (int n = 0; n < RANDOM_BODIES; n++) {
                ApiRoutes.Route route = withBodies.get(random.nextInt(withBodies.size()));
                List<Body> pool = systematic.get(route).stream()
                        .filter(b -> b.bytes().length > 1)
                        .toList();
                Body base = pool.get(random.nextInt(pool.size()));
                Body body = random.nextBoolean()
                        ? new Body(
                                "cut " + base.label(),
                                base.type(),
                                Arrays.copyOf(base.bytes(), 1 + random.nextInt(base.bytes().length - 1)),
                                base.query())
                        : twoBadFields(route, random).orElse(base);
                errors.addAll(send(route, body, n));
                sent++;
            }
            bodies = new BodyFuzz(sent, errors, before, counts());
        }
        return bodies;
    }

    /** A body to send: what it is, its content type, its bytes and a query string (or ""). */
    record Body(String label, String type, byte[] bytes, String query) {

        static Body json(String label, String text) {
            return new Body(label, "application/json", text.getBytes(StandardCharsets.UTF_8), "");
        }

        static Body of(String label, String type, String text) {
            return new Body(label, type, text.getBytes(StandardCharsets.UTF_8), "");
        }

        Body withQuery(String q) {
            return new Body(label, type, bytes, q);
        }
    }

    static final String TOO_DEEP = "[".repeat(40) + "]".repeat(40);
    static final String DEEP_BUT_ALLOWED = "[".repeat(30) + "]".repeat(30);
    static final byte[] NOT_UTF8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};

    List<Body> bodiesFor(ApiRoutes.Route route) {
        List<Body> list = new ArrayList<>();
        // over the limit, declared: refused before anything runs, on every route
        list.add(new Body("3 MB of spaces", "application/json", new byte[0], "").withQuery("#oversize"));
        Type entity = entity(route);
        if (entity == null) {
            return list;
        }
        String template = route.template();
        if (template.endsWith("/results")) {
            list.addAll(resultBodies());
            return list;
        }
        if (template.endsWith("/students/import")) {
            list.addAll(csvBodies(true));
            return list;
        }
        if (template.endsWith("/documents")) {
            list.add(new Body("no bytes", "application/pdf", new byte[0], "?fileName=a.pdf"));
            list.add(new Body(
                    "not a PDF",
                    "application/pdf",
                    "%PDX-1.7 garbage".getBytes(StandardCharsets.UTF_8),
                    "?fileName=a.pdf"));
            list.add(new Body(
                    "control characters in the name", "application/pdf", NOT_UTF8, "?fileName=%00%01..%2F..%2Fetc"));
            list.add(new Body("a long name", "image/png", NOT_UTF8, "?fileName=" + "n".repeat(5000)));
            list.add(new Body("no name", "image/png", NOT_UTF8, ""));
            return list;
        }
        list.add(Body.json("truncated object", "{\"" + firstField(entity) + "\":"));
        list.add(Body.json("truncated array", "[1,2"));
        list.add(Body.json("an array for an object", "[]"));
        list.add(Body.json("a string for an object", "\"text\""));
        list.add(Body.json("a number for an object", "42"));
        list.add(Body.json("a boolean for an object", "true"));
        list.add(Body.json("NaN", "{\"" + firstField(entity) + "\":NaN}"));
        list.add(Body.json("nested too deep", TOO_DEEP));
        list.add(Body.json("nested too deep in a field", "{\"" + firstField(entity) + "\":" + TOO_DEEP + "}"));
        list.add(Body.json(
                "nested within the limit in a field", "{\"" + firstField(entity) + "\":" + DEEP_BUT_ALLOWED + "}"));
        list.add(new Body("not UTF-8", "application/json", NOT_UTF8, ""));
        list.add(Body.json(
                "a raw control character in a string", "{\"" + firstField(entity) + "\":\"a\u0001\u0000b\"}"));
        list.add(Body.json("a byte-order mark and garbage", "\uFEFF{garbage"));
        list.add(Body.of("JSON as text/plain", "text/plain", "{\"" + firstField(entity) + "\":{}}"));
        list.add(Body.of("XML", "application/xml", "<a/>"));
        list.add(Body.of(
                "an unknown charset", "application/json; charset=x-unknown-9", "{\"" + firstField(entity) + "\":{}}"));
        list.add(Body.of("form data", "application/x-www-form-urlencoded", "a=1&b=%ZZ"));
        list.add(Body.of("multipart without boundary", "multipart/form-data", "--x\r\n\r\n"));
        for (Map.Entry<String, Type> field : fields(entity).entrySet()) {
            for (String value : badValues(field.getValue())) {
                list.add(Body.json(
                        field.getKey() + "=" + abbreviate(value), "{\"" + field.getKey() + "\":" + value + "}"));
            }
        }
        return list;
    }

    /** Values that cannot be bound to a field of the type: the body holding one is never valid. */
    static List<String> badValues(Type type) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return List.of("{}", "[]", "[\"a\",{}]", "{\"a\":" + DEEP_BUT_ALLOWED + "}");
        }
        if (Number.class.isAssignableFrom(raw) || raw.isPrimitive() && raw != boolean.class) {
            return List.of(
                    "1e309",
                    "-1e309",
                    "1e10",
                    "1e999999999",
                    "99999999999999999999999",
                    "2.5e-400",
                    "\"abc\"",
                    "\"1e309\"",
                    "true",
                    "{}",
                    "[]",
                    "\"\u0000\"",
                    "1" + "0".repeat(2000));
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return List.of("{}", "[]", "[true]");
        }
        if (Temporal.class.isAssignableFrom(raw)) {
            return List.of(
                    "\"2026-13-45\"", "\"+999999999-01-01\"", "12345", "{}", "[]", "\"\"", "\"2026-02-30T25:61:00Z\"");
        }
        if (raw.isEnum()) {
            return List.of("\"NOT_A_VALUE\"", "5", "{}", "[]");
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return List.of("\"not a list\"", "5", "{\"a\":1}", "[" + DEEP_BUT_ALLOWED + "]");
        }
        if (Map.class.isAssignableFrom(raw)) {
            return List.of("\"not a map\"", "[1]", "{\"k\":{}}", "{\"k\":" + DEEP_BUT_ALLOWED + "}");
        }
        return List.of("\"text\"", "5", "[]");
    }

    Optional2 twoBadFields(ApiRoutes.Route route, Random random) {
        List<Map.Entry<String, Type>> fields =
                new ArrayList<>(fields(entity(route)).entrySet());
        if (fields.size() < 2) {
            return new Optional2(null);
        }
        Map.Entry<String, Type> a = fields.get(random.nextInt(fields.size()));
        Map.Entry<String, Type> b = fields.get(random.nextInt(fields.size()));
        List<String> av = badValues(a.getValue());
        List<String> bv = badValues(b.getValue());
        String va = av.get(random.nextInt(av.size()));
        String vb = bv.get(random.nextInt(bv.size()));
        return new Optional2(Body.json(
                a.getKey() + "=" + abbreviate(va) + ", " + b.getKey() + "=" + abbreviate(vb),
                "{\"" + a.getKey() + "\":" + va + ",\"" + b.getKey() + "\":" + vb + "}"));
    }

    /** Optional without the generics noise at the call site. */
    record Optional2(Body body) {
        Body orElse(Body other) {
            return body == null ? other : body;
        }
    }

    /** Results that are each wrong somewhere, as JSON (three formats) and CSV. */
    static List<Body> resultBodies() {
        List<Body> list = new ArrayList<>();
        for (String place : List.of("1e309", "-1e309", "1e10", "1e999999999", "2.5", "\"1\"", "null", "{}", "0")) {
            list.add(Body.json(
                    "ranking place " + place,
                    "[{\"place\":" + place + ",\"competitor\":\"XDU/NOBODY\",\"points\":1}]"));
        }
        for (String points : List.of("1e309", "-1e309", "\"x\"", "[]")) {
            list.add(Body.json(
                    "ranking points " + points,
                    "[{\"place\":1,\"competitor\":\"XDU/NOBODY\",\"points\":" + points + "}]"));
        }
        list.add(Body.json(
                "category 1e309",
                "[{\"place\":1,\"competitor\":\"XDU/NOBODY\",\"points\":1,\"categories\":{\"web\":1e309}}]"));
        list.add(Body.json(
                "category text",
                "[{\"place\":1,\"competitor\":\"XDU/NOBODY\",\"points\":1,\"categories\":{\"web\":\"x\"}}]"));
        list.add(Body.json(
                "categories a list", "[{\"place\":1,\"competitor\":\"XDU/NOBODY\",\"points\":1,\"categories\":[1]}]"));
        list.add(Body.json("members objects", "[{\"place\":1,\"competitor\":\"T\",\"points\":1,\"members\":[{}]}]"));
        list.add(Body.json(
                "members a string", "[{\"place\":1,\"competitor\":\"T\",\"points\":1,\"members\":\"XDU/1\"}]"));
        list.add(Body.json("competitor an object", "[{\"place\":1,\"competitor\":{},\"points\":1}]"));
        list.add(Body.json("rows of arrays", "[[1,2],[3]]"));
        list.add(Body.json("an object", "{\"place\":1}"));
        list.add(Body.json("an empty list", "[]"));
        list.add(Body.json(
                "too many entries",
                "[" + String.join(",", Collections.nCopies(InputLimits.RESULT_ENTRIES + 1, "{}")) + "]"));
        list.add(Body.json("nested too deep", TOO_DEEP));
        list.add(Body.json("truncated", "[{\"place\":1,\"compet"));
        list.add(new Body("not UTF-8", "application/json", NOT_UTF8, ""));
        list.add(Body.json(
                        "solves with a bad time",
                        "[{\"challenge\":\"c\",\"category\":\"web\",\"competitor\":\"XDU/NOBODY\","
                                + "\"time\":\"2026-13-45\",\"points\":1}]")
                .withQuery("?format=solves"));
        list.add(Body.json(
                        "solves points 1e309",
                        "[{\"challenge\":\"c\",\"category\":\"web\",\"competitor\":\"XDU/NOBODY\","
                                + "\"time\":\"2026-05-01T10:00:00Z\",\"points\":1e309}]")
                .withQuery("?format=solves"));
        list.add(Body.json(
                        "solves time an object",
                        "[{\"challenge\":\"c\",\"category\":\"web\",\"competitor\":\"XDU/NOBODY\","
                                + "\"time\":{},\"points\":1}]")
                .withQuery("?format=solves"));
        list.add(Body.json("ctfd without data", "{\"success\":true}").withQuery("?format=ctfd"));
        list.add(Body.json("ctfd data an object", "{\"data\":{}}").withQuery("?format=ctfd"));
        list.add(Body.json(
                        "ctfd a member without a name",
                        "{\"data\":[{\"pos\":1,\"name\":\"T\",\"score\":1,\"members\":[{}]}]}")
                .withQuery("?format=ctfd"));
        list.add(Body.json(
                        "ctfd a member a string",
                        "{\"data\":[{\"pos\":1,\"name\":\"T\",\"score\":1,\"members\":[\"x\"]}]}")
                .withQuery("?format=ctfd"));
        list.add(Body.json("ctfd pos 1e309", "{\"data\":[{\"pos\":1e309,\"name\":\"T\",\"score\":1}]}")
                .withQuery("?format=ctfd"));
        list.add(Body.json("ctfd a list", "[1]").withQuery("?format=ctfd"));
        list.add(Body.of("ctfd as CSV", "text/csv", "pos,name\n1,T\n").withQuery("?format=ctfd"));
        list.add(Body.json("an unknown format", "[]").withQuery("?format=%00%FF"));
        list.add(Body.json("a long format", "[]").withQuery("?format=" + "x".repeat(10_000)));
        for (Body csv : csvBodies(false)) {
            list.add(csv);
        }
        list.add(Body.of("ranking CSV place 1e309", "text/csv", "place,competitor,points\n1e309,XDU/NOBODY,1\n"));
        list.add(Body.of(
                "ranking CSV place 99999999999", "text/csv", "place,competitor,points\n99999999999,XDU/NOBODY,1\n"));
        list.add(Body.of("ranking CSV points NaN", "text/csv", "place,competitor,points\n1,XDU/NOBODY,NaN\n"));
        list.add(Body.of(
                "ranking CSV category Infinity",
                "text/csv",
                "place,competitor,points,category:web\n1,XDU/NOBODY,1,Infinity\n"));
        list.add(Body.of(
                        "solves CSV bad time",
                        "text/csv",
                        "challenge,category,competitor,time,points\nc,web,XDU/NOBODY,yesterday,1\n")
                .withQuery("?format=solves"));
        return list;
    }

    /** CSV that is wrong in itself (the same for students and results); for students, rows that are each wrong. */
    static List<Body> csvBodies(boolean students) {
        List<Body> list = new ArrayList<>();
        list.add(Body.of("empty", "text/csv", ""));
        list.add(Body.of("a BOM only", "text/csv", "\uFEFF"));
        list.add(Body.of("a header only", "text/csv", "place,competitor,points\n"));
        list.add(Body.of("an unclosed quote", "text/csv", "a,b\n\"1,2\n"));
        list.add(Body.of("a line over the cap", "text/csv", "a,b\n" + "1,".repeat(40_000) + "\n"));
        list.add(Body.of("a field over the cap", "text/csv", "a,b\n" + "x".repeat(5000) + ",1\n"));
        list.add(Body.of("a header over the cap", "text/csv", "x".repeat(70_000)));
        list.add(new Body("not UTF-8", "text/csv", "a,b\n\u00ff".getBytes(StandardCharsets.ISO_8859_1), ""));
        list.add(Body.of("control characters", "text/csv", "a\u0000,b\u0001\n\u0002,\u0003\n"));
        list.add(Body.of("a repeated column", "text/csv", "a,a\n1,2\n"));
        list.add(Body.of("CSV as JSON", "application/octet-stream", "{\"place\":1}"));
        if (students) {
            String header =
                    "student_number,full_name,date_of_birth,email,program,enrollment_year,expected_graduation_year,consent_to_share\n";
            list.add(Body.of("a year of 1e309", "text/csv", header + "F1,Wang Fang,2004-01-01,,,1e309,2027,true\n"));
            list.add(Body.of(
                    "a year of 99999999999", "text/csv", header + "F1,Wang Fang,2004-01-01,,,99999999999,2027,true\n"));
            list.add(
                    Body.of("a date of 2004-13-45", "text/csv", header + "F1,Wang Fang,2004-13-45,,,2022,2026,true\n"));
            list.add(Body.of(
                    "a number of control characters",
                    "text/csv",
                    header + "\u0001\u0002,Wang Fang,2004-01-01,,,2022,2026,maybe\n"));
            list.add(Body.of(
                    "a name of 300 characters",
                    "text/csv",
                    header + "F1," + "n".repeat(300) + ",2004-01-01,,,2022,2026,true\n"));
            list.add(Body.of(
                    "a number of 100 characters",
                    "text/csv",
                    header + "F".repeat(100) + ",Wang Fang,2004-01-01,,,2022,2026,true\n"));
            list.add(Body.of(
                    "an unknown programme",
                    "text/csv",
                    header + "F1,Wang Fang,2004-01-01,,No Such Programme,2022,2026,x\n"));
            list.add(Body.of("too few cells", "text/csv", header + "F1\n"));
            list.add(Body.of(
                    "too many cells, one of them a bad date",
                    "text/csv",
                    header + "F1,Wang Fang,2004-02-30,,,2022,2026,true,1,2,3\n"));
            list.add(Body.of(
                    "a consent of 'perhaps'", "text/csv", header + "F1,Wang Fang,2004-01-01,,,2022,2026,perhaps\n"));
        }
        return list;
    }

    List<Finding> send(ApiRoutes.Route route, Body body, int n) {
        String path = route.expand(pathValues(route));
        String token = tokenFor(route, n);
        HttpRequest.Builder request;
        String label;
        if (body.query().equals("#oversize")) {
            long length = 3L << 20 > limitOf(route) ? 3L << 20 : limitOf(route) + 1;
            // "Expect: 100-continue": the server refuses before the body is sent, as a well-behaved client lets it
            request = HttpRequest.newBuilder(URI.create(root + path.substring(1)))
                    .header("Content-Type", "application/json")
                    .expectContinue(true)
                    .method(
                            route.method(),
                            HttpRequest.BodyPublishers.fromPublisher(
                                    HttpRequest.BodyPublishers.ofInputStream(() -> Bodies.repeated((byte) ' ', length)),
                                    length));
            label = route.method() + " " + path + " with " + InputLimits.size(length) + " declared";
        } else {
            request = HttpRequest.newBuilder(URI.create(root + path.substring(1) + body.query()))
                    .header("Content-Type", body.type())
                    .method(route.method(), HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
            label = route.method() + " " + path + abbreviate(body.query()) + " with " + body.label();
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return check(label, exchange(request));
    }

    static long limitOf(ApiRoutes.Route route) {
        String t = route.template();
        if (t.endsWith("/students/import")) {
            return InputLimits.CSV_BYTES;
        }
        if (t.endsWith("/results")) {
            return InputLimits.RESULTS_BYTES;
        }
        if (t.endsWith("/documents")) {
            return InputLimits.DOCUMENT_BYTES;
        }
        return t.endsWith("/auth/token") ? InputLimits.TOKEN_BYTES : InputLimits.JSON_BYTES;
    }

    // --- parameters ------------------------------------------------------------------------------

    static final List<String> BAD_PARAMETERS = List.of(
            "",
            "-1",
            "0",
            "2147483648",
            "99999999999999999999",
            "1e309",
            "NaN",
            "abc",
            "%00",
            "%01%02",
            "%C3%28",
            "%FF%FE",
            "%E2%80%AE",
            "..%2F..%2Fetc",
            "true%27%20OR%201%3D1",
            "%25",
            "%5B%5D",
            "x".repeat(5000),
            "%E4%B8%AD%E6%96%87",
            "2026-13-45");
    static final List<String> BAD_PATH_VALUES = List.of(
            "%01",
            "%00",
            "99999999999999999999",
            "-1",
            "0",
            "abc",
            "%C3%28",
            "%FF",
            "..",
            "%2E%2E",
            "x".repeat(3000),
            "XDU%2F%01",
            "%20",
            "1e309");

    static String randomParameter(Random random) {
        StringBuilder s = new StringBuilder();
        int length = 1 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                s.append('%').append(String.format("%02X", random.nextInt(256)));
            } else if (kind == 1) {
                s.append((char) ('0' + random.nextInt(10)));
            } else {
                s.append((char) ('a' + random.nextInt(26)));
            }
        }
        return s.toString();
    }

    /** The path parameters of a route, filled with real demo records of the kind the route names. */
    Map<String, String> pathValues(ApiRoutes.Route route) {
        String t = route.template();
        Map<String, String> v = new HashMap<>();
        v.put(
                "code",
                t.startsWith("/api/v1/schools")
                        ? "XDU"
                        : t.contains("/judging")
                                ? values.get("judgedEvent")
                                : t.startsWith("/api/v1/events")
                                        ? values.get("event")
                                        : t.contains("/criteria/")
                                                ? values.get("criterion")
                                                : t.contains("/cycles/") ? values.get("cycle") : "XDU");
        v.put("ref", values.get("student"));
        v.put("criterion", values.get("criterion"));
        v.put("document", "1");
        v.put("username", values.get("username"));
        v.put("address", "192.0.2.1");
        v.put("table", "distribution");
        v.put(
                "id",
                t.startsWith("/api/v1/certification")
                        ? values.get("application")
                        : t.startsWith("/api/v1/positions")
                                ? values.get("position")
                                : t.startsWith("/api/v1/placements") ? values.get("placement") : "1");
        return v;
    }

    Map<String, String> demoValues() {
        String admin = tokens.get("ADMIN");
        Map<String, String> v = new HashMap<>();
        v.put(
                "student",
                "XDU/"
                        + api.get("/schools/XDU/students?size=1", admin)
                                .json()
                                .getJsonArray("items")
                                .getJsonObject(0)
                                .getString("studentNumber"));
        List<String> events = api.get("/events?size=100", admin).json().getJsonArray("items").stream()
                .map(e -> e.asJsonObject().getString("code"))
                .toList();
        v.put("event", events.contains("NCSC-2025") ? "NCSC-2025" : events.get(0));
        v.put("judgedEvent", events.contains("XDU-FORENSICS-2026") ? "XDU-FORENSICS-2026" : events.get(0));
        v.put("criterion", first(api.get("/certification/criteria", admin).parse(), "code", "C1"));
        v.put("cycle", first(api.get("/certification/cycles", admin).parse(), "code", "2026"));
        v.put(
                "application",
                first(
                        api.get("/certification/applications", tokens.get("SCHOOL_ADMIN"))
                                .parse(),
                        "id",
                        "1"));
        String position = first(api.get("/positions", tokens.get("RECRUITER")).parse(), "id", "1");
        v.put("position", position);
        v.put(
                "placement",
                first(
                        api.get("/positions/" + position + "/board", tokens.get("RECRUITER"))
                                .parse(),
                        "id",
                        "1"));
        // a user of the fuzz's own for the user administration's routes, which may disable or re-password it
        v.put("username", Fixtures.unique("fuzz-").toLowerCase(Locale.ROOT));
        ApiClient.Reply made = api.post(
                "/users",
                admin,
                Json.object()
                        .add("username", v.get("username"))
                        .add("password", Fixtures.PASSWORD)
                        .add("roles", Json.array("EVALUATOR"))
                        .build()
                        .toString());
        assertEquals(201, made.status(), made.toString());
        return v;
    }

    /** The first value of a key anywhere in a JSON document, depth first. */
    static String first(JsonValue json, String key, String otherwise) {
        if (json instanceof JsonObject o) {
            if (o.get(key) instanceof JsonString s) {
                return s.getString();
            }
            if (o.get(key) instanceof JsonNumber n) {
                return n.toString();
            }
            for (JsonValue child : o.values()) {
                String found = first(child, key, null);
                if (found != null) {
                    return found;
                }
            }
        } else if (json instanceof JsonArray a) {
            for (JsonValue child : a) {
                String found = first(child, key, null);
                if (found != null) {
                    return found;
                }
            }
        }
        return otherwise;
    }

    /** A token of a role the route's operation grants (the demo user of that role), in turn; ADMIN when it names none. */
    String tokenFor(ApiRoutes.Route route, int n) {
        Performs performs = route.resource().getAnnotation(Performs.class);
        if (performs == null) {
            return tokens.get("ADMIN");
        }
        List<String> roles = performs.value().grants().keySet().stream()
                .map(Enum::name)
                .filter(tokens::containsKey)
                .toList();
        return roles.isEmpty() ? tokens.get("ADMIN") : tokens.get(roles.get(n % roles.size()));
    }

    /** The pages under src/main/webapp with their view parameters' names. */
    static Map<String, List<String>> pagesWithParameters() throws IOException {
        Path webapp = Path.of("src/main/webapp");
        Pattern param = Pattern.compile("<f:viewParam\\s+name=\"([^\"]+)\"");
        Map<String, List<String>> pages = new TreeMap<>();
        try (Stream<Path> files = Files.walk(webapp)) {
            for (Path file : files.filter(f ->
                            f.toString().endsWith(".xhtml") && !f.toString().contains("WEB-INF"))
                    .toList()) {
                Matcher m = param.matcher(Files.readString(file));
                List<String> names = new ArrayList<>();
                while (m.find()) {
                    names.add(m.group(1));
                }
                if (!names.isEmpty()) {
                    pages.put(webapp.relativize(file).toString().replace('\\', '/'), names);
                }
            }
        }
        return pages;
    }

    // --- reflection on the resource methods ------------------------------------------------------

    /** The type of the route's body parameter (the one without a JAX-RS annotation), or null when it takes none. */
    static Type entity(ApiRoutes.Route route) {
        Method m = route.resource();
        Annotation[][] annotations = m.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            boolean bound = Arrays.stream(annotations[i])
                    .anyMatch(a -> a instanceof PathParam
                            || a instanceof QueryParam
                            || a instanceof HeaderParam
                            || a instanceof Context
                            || a instanceof BeanParam
                            || a instanceof FormParam
                            || a instanceof CookieParam
                            || a instanceof MatrixParam);
            if (!bound) {
                return m.getGenericParameterTypes()[i];
            }
        }
        return null;
    }

    /** A record's fields by name and type; none for anything else. */
    static Map<String, Type> fields(Type type) {
        Map<String, Type> fields = new LinkedHashMap<>();
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                fields.put(c.getName(), c.getGenericType());
            }
        }
        return fields;
    }

    static String firstField(Type type) {
        return fields(type).keySet().stream().findFirst().orElse("x");
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    // --- exchanges -------------------------------------------------------------------------------

    HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(root + path.substring(1))).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request);
    }

    HttpResponse<String> exchange(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        try {
            try {
                return http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // a kept-alive connection the server closed as the request went out answers nothing: the client
                // does not resend a POST on its own. Once more on a new connection; a request the server itself
                // drops fails again
                if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                    throw e;
                }
                return http.send(built, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Finding> check(String label, HttpResponse<String> response) {
        return response.statusCode() >= 500
                ? List.of(new Finding(label, response.statusCode(), response.body()))
                : List.of();
    }

    /** Totals that no invalid request may change. */
    Map<String, Long> counts() {
        String admin = tokens.get("ADMIN");
        Map<String, Long> counts = new TreeMap<>();
        counts.put(
                "students",
                api.get("/students?size=1", admin).json().getJsonNumber("total").longValue());
        counts.put(
                "events",
                api.get("/events?size=1", admin).json().getJsonNumber("total").longValue());
        counts.put(
                "schools",
                api.get("/schools?size=1", admin).json().getJsonNumber("total").longValue());
        counts.put(
                "users",
                api.get("/users?size=1", admin).json().getJsonNumber("total").longValue());
        return counts;
    }

    static String report(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "";
        }
        return findings.size() + " requests answered 5xx, the first ones:\n"
                + findings.stream().limit(25).map(Finding::toString).collect(Collectors.joining("\n"));
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "...(" + s.length() + ")" : s;
    }
}
