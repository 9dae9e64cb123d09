package org.talentpipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.Locale;
import java.util.UUID;

/** Test data made through the API: schools, programmes and users with fresh names every run. */
public final class Fixtures {

    public static final String DEMO_PASSWORD = "talent-demo";
    /** The password of every user a test makes. */
    public static final String PASSWORD = "a-long-password";

    private final ApiClient api;
    private final String admin;

    public Fixtures(ApiClient api) {
        this.api = api;
        this.admin = api.token("admin", DEMO_PASSWORD);
    }

    public String adminToken() {
        return admin;
    }

    public static String unique(String prefix) {
        return prefix
                + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
    }

    /** A new school with one programme, "Cyberspace Security"; returns its code. */
    public String school(String region) {
        String code = unique("T");
        ApiClient.Reply created = api.post(
                "/schools",
                admin,
                Json.object()
                        .add("code", code)
                        .add("name", "Test School " + code)
                        .add("localName", "测试学校")
                        .add("region", region)
                        .add("city", "Testville")
                        .add("type", "UNIVERSITY")
                        .build()
                        .toString());
        assertEquals(201, created.status(), created.toString());
        ApiClient.Reply program = api.post(
                "/schools/" + code + "/programs",
                admin,
                Json.object()
                        .add("name", "Cyberspace Security")
                        .add("level", "BACHELOR")
                        .build()
                        .toString());
        assertEquals(201, program.status(), program.toString());
        approveAgencies(
                code,
                api.get("/agencies", admin).parse().asJsonArray().stream()
                        .map(a -> a.asJsonObject().getString("code"))
                        .toArray(String[]::new));
        return code;
    }

    /** Sets the agencies a school approves (a new school approves none). */
    public void approveAgencies(String school, String... agencies) {
        ApiClient.Reply current = api.get("/schools/" + school + "/agencies", admin);
        assertEquals(200, current.status(), current.toString());
        var list = jakarta.json.Json.createArrayBuilder();
        for (String a : agencies) {
            list.add(a);
        }
        ApiClient.Reply set =
                api.put("/schools/" + school + "/agencies", admin, list.build().toString(), current.etag());
        assertEquals(200, set.status(), set.toString());
    }

    /** The header of {@link #students}' rows. */
    public static final String STUDENT_COLUMNS =
            "student_number,full_name,date_of_birth,email,enrollment_year,expected_graduation_year,consent_to_share";

    /** Imports students into a school, one CSV row each in {@link #STUDENT_COLUMNS}' order. */
    public void students(String school, String... rows) {
        ApiClient.Reply imported = api.post(
                "/schools/" + school + "/students/import",
                admin,
                STUDENT_COLUMNS + "\n" + String.join("\n", rows) + "\n",
                "text/csv");
        assertEquals(200, imported.status(), imported.toString());
    }

    /** A user made for a test: their name and a token. */
    public record Person(String username, String token) {}

    /** A new user with one role, tied to a school or agency (or null); returns a token for them. */
    public String user(String role, String schoolCode, String agencyCode) {
        return person(role, schoolCode, agencyCode).token();
    }

    /** A new user with one role, tied to a school or agency (or null), and their password {@link #PASSWORD}. */
    public Person person(String role, String schoolCode, String agencyCode) {
        String name = unique("u-").toLowerCase(Locale.ROOT);
        var body = Json.object().add("username", name).add("password", PASSWORD).add("roles", Json.array(role));
        if (schoolCode != null) {
            body.add("schoolCode", schoolCode);
        }
        if (agencyCode != null) {
            body.add("agencyCode", agencyCode);
        }
        ApiClient.Reply created = api.post("/users", admin, body.build().toString());
        assertEquals(201, created.status(), created.toString());
        return new Person(name, api.token(name, PASSWORD));
    }

    /** A new one-day event of the series {@code competition}, named "{competition} Cup"; returns its code. */
    public String event(String competition, String level, String format, String day) {
        String event = unique(competition + "-");
        ApiClient.Reply created = api.post(
                "/events",
                admin,
                Json.object()
                        .add("code", event)
                        .add("name", competition + " Cup")
                        .add("competition", competition)
                        .add("level", level)
                        .add("format", format)
                        .add("startDate", day)
                        .add("endDate", day)
                        .build()
                        .toString());
        assertEquals(201, created.status(), created.toString());
        return event;
    }

    /** A national event of the series {@code competition} on {@code day}, its results posted in this order, and rated. */
    public void ratedEvent(String competition, String day, String... places) {
        String event = event(competition, "NATIONAL", "JEOPARDY", day);
        awaitScoring(api, admin);
        StringBuilder results = new StringBuilder("place,competitor,points\n");
        for (int i = 0; i < places.length; i++) {
            results.append(i + 1)
                    .append(',')
                    .append(places[i])
                    .append(',')
                    .append(100 * (places.length - i))
                    .append('\n');
        }
        ApiClient.Reply posted = api.post("/events/" + event + "/results", admin, results.toString(), "text/csv");
        assertEquals(200, posted.status(), posted.toString());
        awaitScoring(api, admin);
    }

    /** Waits until no ratings recompute is queued or running (a results post may have queued one). */
    public static void awaitScoring(ApiClient api, String admin) {
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            var jobs = api.get("/scoring/jobs", admin).parse().asJsonArray().stream()
                    .map(JsonObject.class::cast)
                    .toList();
            if (jobs.stream()
                    .noneMatch(j -> j.getString("state").equals("QUEUED")
                            || j.getString("state").equals("RUNNING"))) {
                if (!jobs.isEmpty() && jobs.get(0).getString("state").equals("FAILED")) {
                    throw new AssertionError("the latest scoring job failed: " + jobs.get(0));
                }
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("a scoring job did not finish within two minutes");
    }
}
