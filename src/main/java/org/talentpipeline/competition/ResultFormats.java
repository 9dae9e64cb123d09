package org.talentpipeline.competition;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.talentpipeline.platform.CsvReader;
import org.talentpipeline.platform.InputLimits;

/**
 * Reads the result formats an event's results come in, into a scoreboard:
 * <ul>
 * <li>a ranking, JSON {@code [{"place","competitor","points","members":[refs],"categories":{"web":300}}]} or CSV
 * {@code place,competitor,points[,members][,category:<name>...]} (members separated by {@code ;});</li>
 * <li>a solve log, JSON or CSV rows of {@code challenge,category,competitor,time,points};</li>
 * <li>the body of CTFd's {@code /api/v1/scoreboard}, with team members.</li>
 * </ul>
 * Problems name the row (CSV line, JSON entry from 1) and the field; a file that is not JSON or CSV
 * at all is one problem for row 0.
 */
public final class ResultFormats {

    /** The three kinds of result, as the API's {@code format} parameter names them. */
    public enum Kind {
        RANKING,
        SOLVES,
        CTFD;

        public static Kind parse(String text) {
            try {
                return valueOf(text == null ? "RANKING" : text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * A file read into standings, and what was wrong with it; {@code evidence} holds the solves (and a
     * CTFd export's submissions and dynamic flags) it came with, empty for a ranking.
     */
    public record Parsed(List<Standing> standings, List<ResultProblem> problems, Evidence evidence) {

        public Parsed(List<Standing> standings, List<ResultProblem> problems) {
            this(standings, problems, Evidence.NONE);
        }
    }

    /** What a solve log or a CTFd export says beyond the scoreboard: who solved what when, and what they submitted. */
    public record Evidence(List<Solve> solves, List<Submission> submissions, List<TeamFlag> flags) {

        static final Evidence NONE = new Evidence(List.of(), List.of(), List.of());

        public boolean isEmpty() {
            return solves.isEmpty() && submissions.isEmpty();
        }
    }

    /** The longest flag text kept as evidence. */
    static final int MAX_FLAG = 500;

    /**
     * The highest place a result may name. A ranking may list only some of a large field (a national
     * contest's students from the schools here), so a place is not bounded by the entries of the post.
     */
    static final int MAX_PLACE = Integer.MAX_VALUE;

    private ResultFormats() {}

    /** False, with a problem, when a JSON list holds more entries than one post may. */
    private static boolean withinEntries(JsonArray rows, List<ResultProblem> problems) {
        if (rows.size() > InputLimits.RESULT_ENTRIES) {
            problems.add(new ResultProblem(
                    0,
                    null,
                    "the file holds " + InputLimits.count(rows.size()) + " entries; at most "
                            + InputLimits.count(InputLimits.RESULT_ENTRIES) + " may be posted at once"));
            return false;
        }
        return true;
    }

    public static Parsed read(Kind kind, boolean csv, InputStream in) throws IOException {
        List<ResultProblem> problems = new ArrayList<>();
        List<Standing> standings;
        Evidence evidence = Evidence.NONE;
        try {
            switch (kind) {
                case RANKING ->
                    standings = Scoreboard.ranked(
                            csv ? rankingCsv(in, problems) : rankingJson(json(in), problems), problems);
                case SOLVES -> {
                    List<Solve> solves = csv ? solvesCsv(in, problems) : solvesJson(json(in), problems);
                    standings = Scoreboard.fromSolves(solves, problems);
                    evidence = new Evidence(solves, List.of(), List.of());
                }
                default -> {
                    JsonStructure body = json(in);
                    standings = Scoreboard.ranked(ctfd(body, problems), problems);
                    evidence = ctfdEvidence(body, problems);
                }
            }
        } catch (JsonParsingException e) {
            problems.add(new ResultProblem(0, null, "malformed JSON: " + e.getMessage()));
            standings = List.of();
        } catch (JsonException | ClassCastException e) {
            problems.add(new ResultProblem(0, null, "not the expected JSON shape: " + e.getMessage()));
            standings = List.of();
        } catch (CsvReader.Malformed e) {
            problems.add(new ResultProblem(e.line(), null, e.getMessage().replaceFirst("^line \\d+: ", "")));
            standings = List.of();
        } catch (CharacterCodingException e) {
            problems.add(new ResultProblem(0, null, "the file is not UTF-8 text"));
            standings = List.of();
        }
        if (standings.isEmpty() && problems.isEmpty()) {
            problems.add(new ResultProblem(0, null, "the file holds no results"));
        }
        return new Parsed(standings, problems, problems.isEmpty() ? evidence : Evidence.NONE);
    }

    private static JsonStructure json(InputStream in) {
        try (JsonReader reader = Json.createReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.read();
        }
    }

    // --- rankings ------------------------------------------------------------------------------

    static List<Standing> rankingJson(JsonStructure json, List<ResultProblem> problems) {
        List<Standing> standings = new ArrayList<>();
        JsonArray rows = json.asJsonArray();
        if (!withinEntries(rows, problems)) {
            return List.of();
        }
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            JsonObject o = rows.getJsonObject(i);
            Integer place = integer(o, "place", row, problems);
            String competitor = text(o, "competitor", row, problems);
            Double points = number(o, "points", row, problems);
            List<String> members = new ArrayList<>();
            if (o.containsKey("members") && !o.isNull("members")) {
                for (JsonValue m : o.getJsonArray("members")) {
                    members.add(((JsonString) m).getString().trim());
                }
            }
            Map<String, Double> categories = new LinkedHashMap<>();
            if (o.containsKey("categories") && !o.isNull("categories")) {
                o.getJsonObject("categories").forEach((k, v) -> {
                    Double value =
                            v instanceof JsonNumber n ? finite(n, row, "categories." + k.trim(), problems) : null;
                    if (!(v instanceof JsonNumber)) {
                        problems.add(new ResultProblem(row, "categories." + k.trim(), "must be a number"));
                    }
                    if (!CategoryName.valid(k)) {
                        problems.add(new ResultProblem(row, "categories", CategoryName.problem(k)));
                    } else if (value != null && categories.putIfAbsent(CategoryName.key(k), value) != null) {
                        problems.add(new ResultProblem(
                                row, "categories", "'" + k + "' is listed twice (names are compared without case)"));
                    }
                });
            }
            if (place != null && competitor != null && points != null) {
                standings.add(new Standing(place, competitor, points, List.copyOf(members), categories, null, row));
            }
        }
        return standings;
    }

    static List<Standing> rankingCsv(InputStream in, List<ResultProblem> problems) throws IOException {
        CsvReader csv = CsvReader.of(in, CsvReader.Caps.rows(InputLimits.RESULT_ENTRIES));
        int place = required(csv, "place", problems);
        int competitor = required(csv, "competitor", problems);
        int points = required(csv, "points", problems);
        int members = csv.column("members").orElse(-1);
        Map<String, Integer> categoryColumns = new LinkedHashMap<>();
        for (int i = 0; i < csv.header().size(); i++) {
            String name = csv.header().get(i);
            if (name.startsWith("category:")) {
                String category = name.substring("category:".length());
                if (!CategoryName.valid(category)) {
                    problems.add(new ResultProblem(1, name, CategoryName.problem(category)));
                } else if (categoryColumns.putIfAbsent(CategoryName.key(category), i) != null) {
                    problems.add(new ResultProblem(1, name, "is listed twice (names are compared without case)"));
                }
            } else if (!List.of("place", "competitor", "points", "members").contains(name)) {
                problems.add(new ResultProblem(
                        1,
                        name,
                        "is not a column of a ranking (place, competitor, points," + " members, category:<name>)"));
            }
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<Standing> standings = new ArrayList<>();
        for (CsvReader.Row next = csv.next(); next != null; next = csv.next()) {
            CsvReader.Row r = next;
            if (r.isBlank()) {
                continue;
            }
            Integer p = parseInt(cell(r, place), r.line(), "place", problems);
            String c = cell(r, competitor);
            Double pts = parseDouble(cell(r, points), r.line(), "points", problems);
            if (c == null) {
                problems.add(new ResultProblem(r.line(), "competitor", "is required"));
            }
            Map<String, Double> categories = new LinkedHashMap<>();
            categoryColumns.forEach((name, index) -> {
                String value = cell(r, index);
                if (value != null) {
                    Double v = parseDouble(value, r.line(), "category:" + name, problems);
                    if (v != null) {
                        categories.put(name, v);
                    }
                }
            });
            String m = members < 0 ? null : cell(r, members);
            List<String> refs = m == null
                    ? List.of()
                    : Arrays.stream(m.split(";"))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .toList();
            if (p != null && c != null && pts != null) {
                standings.add(new Standing(p, c, pts, refs, categories, null, r.line()));
            }
        }
        return standings;
    }

    // --- solve logs ----------------------------------------------------------------------------

    static List<Solve> solvesJson(JsonStructure json, List<ResultProblem> problems) {
        List<Solve> solves = new ArrayList<>();
        JsonArray rows = json.asJsonArray();
        if (!withinEntries(rows, problems)) {
            return List.of();
        }
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            JsonObject o = rows.getJsonObject(i);
            String challenge = text(o, "challenge", row, problems);
            String category = text(o, "category", row, problems);
            String competitor = text(o, "competitor", row, problems);
            String time = text(o, "time", row, problems);
            Double points = number(o, "points", row, problems);
            String member = optionalText(o, "member", row, problems);
            Instant at = time == null ? null : instant(time, row, problems);
            category = category(category, row, problems);
            if (tooLong(challenge, "challenge", row, problems) | tooLong(member, "member", row, problems)) {
                continue;
            }
            if (challenge != null && category != null && competitor != null && at != null && points != null) {
                solves.add(new Solve(challenge, category, competitor, member, at, points, row));
            }
        }
        return solves;
    }

    static List<Solve> solvesCsv(InputStream in, List<ResultProblem> problems) throws IOException {
        CsvReader csv = CsvReader.of(in, CsvReader.Caps.rows(InputLimits.RESULT_ENTRIES));
        int challenge = required(csv, "challenge", problems);
        int category = required(csv, "category", problems);
        int competitor = required(csv, "competitor", problems);
        int time = required(csv, "time", problems);
        int points = required(csv, "points", problems);
        int memberColumn = csv.column("member").orElse(-1);
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<Solve> solves = new ArrayList<>();
        for (CsvReader.Row r = csv.next(); r != null; r = csv.next()) {
            if (r.isBlank()) {
                continue;
            }
            String ch = cell(r, challenge);
            String cat = cell(r, category);
            String who = cell(r, competitor);
            String when = cell(r, time);
            for (String[] required :
                    new String[][] {{"challenge", ch}, {"category", cat}, {"competitor", who}, {"time", when}}) {
                if (required[1] == null) {
                    problems.add(new ResultProblem(r.line(), required[0], "is required"));
                }
            }
            Double pts = parseDouble(cell(r, points), r.line(), "points", problems);
            Instant at = when == null ? null : instant(when, r.line(), problems);
            cat = category(cat, r.line(), problems);
            String member = cell(r, memberColumn);
            if (tooLong(ch, "challenge", r.line(), problems) | tooLong(member, "member", r.line(), problems)) {
                continue;
            }
            if (ch != null && cat != null && who != null && at != null && pts != null) {
                solves.add(new Solve(ch, cat, who, member, at, pts, r.line()));
            }
        }
        return solves;
    }

    // --- CTFd ------------------------------------------------------------------------------------

    /** CTFd's {@code GET /api/v1/scoreboard}: {@code {"success": true, "data": [{"pos","name","score","members":[{"name"}]}]}}. */
    static List<Standing> ctfd(JsonStructure json, List<ResultProblem> problems) {
        JsonObject body = json.asJsonObject();
        if (!body.containsKey("data")) {
            problems.add(new ResultProblem(0, "data", "is missing: not a CTFd scoreboard"));
            return List.of();
        }
        JsonArray data = body.getJsonArray("data");
        if (!withinEntries(data, problems)) {
            return List.of();
        }
        List<Standing> standings = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            int row = i + 1;
            JsonObject o = data.getJsonObject(i);
            Integer place = integer(o, "pos", row, problems);
            String name = text(o, "name", row, problems);
            Double score = number(o, "score", row, problems);
            List<String> members = new ArrayList<>();
            Map<String, Double> memberPoints = new LinkedHashMap<>();
            if (o.containsKey("members") && !o.isNull("members")) {
                for (JsonValue m : o.getJsonArray("members")) {
                    String member = m.asJsonObject().getString("name", null);
                    if (member == null) {
                        problems.add(new ResultProblem(row, "members", "each member needs a name"));
                        continue;
                    }
                    members.add(member.trim());
                    // a member's own score, as CTFd lists it: their share of the team's points
                    JsonValue own = m.asJsonObject().get("score");
                    if (own instanceof JsonNumber n && n.doubleValue() >= 0) {
                        memberPoints.put(member.trim(), n.doubleValue());
                    } else if (own != null && own.getValueType() != JsonValue.ValueType.NULL) {
                        problems.add(new ResultProblem(
                                row, "members", member.trim() + "'s score must be a number, 0 or more"));
                    }
                }
            }
            if (place != null && name != null && score != null) {
                standings.add(new Standing(
                        place, name, score, List.copyOf(members), Map.of(), null, row, Map.copyOf(memberPoints)));
            }
        }
        return standings;
    }

    /**
     * A CTFd export's evidence beside its scoreboard, when it carries it: {@code "submissions"} as
     * CTFd's {@code /api/v1/submissions} lists them ({@code challenge} a name or {@code {"name",
     * "category"}}, {@code team} and {@code user} a name or {@code {"name"}}, {@code date},
     * {@code type} correct or incorrect, {@code provided}), and {@code "flags"}, the per-team dynamic
     * flags {@code [{"challenge","team","content"}]}. The correct submissions are the solves.
     */
    static Evidence ctfdEvidence(JsonStructure json, List<ResultProblem> problems) {
        JsonObject body = json.asJsonObject();
        List<Submission> submissions = new ArrayList<>();
        List<Solve> solves = new ArrayList<>();
        List<TeamFlag> flags = new ArrayList<>();
        if (body.containsKey("submissions") && !body.isNull("submissions")) {
            JsonArray rows = body.getJsonArray("submissions");
            if (!withinEntries(rows, problems)) {
                return Evidence.NONE;
            }
            for (int i = 0; i < rows.size(); i++) {
                int row = i + 1;
                String where = "submissions[" + row + "].";
                JsonObject o = rows.getJsonObject(i);
                String challenge = named(o, "challenge", row, where, problems);
                String category = o.get("challenge") instanceof JsonObject ch
                                && ch.containsKey("category")
                                && !ch.isNull("category")
                        ? category(ch.getString("category", null), row, problems)
                        : "ctf";
                String team =
                        o.containsKey("team") && !o.isNull("team") ? named(o, "team", row, where, problems) : null;
                String user =
                        o.containsKey("user") && !o.isNull("user") ? named(o, "user", row, where, problems) : null;
                String date = text(o, "date", row, problems);
                Instant at = date == null ? null : instant(date, row, problems);
                String type = text(o, "type", row, problems);
                String provided = o.containsKey("provided") && !o.isNull("provided")
                        ? o.get("provided") instanceof JsonString js
                                ? js.getString()
                                : o.get("provided").toString()
                        : "";
                if (provided.length() > MAX_FLAG) {
                    problems.add(
                            new ResultProblem(row, where + "provided", "is longer than " + MAX_FLAG + " characters"));
                    continue;
                }
                if (type != null && !type.equals("correct") && !type.equals("incorrect")) {
                    problems.add(new ResultProblem(
                            row, where + "type", "'" + abbreviated(type) + "' is not correct or incorrect"));
                    continue;
                }
                String competitor = team != null ? team : user;
                if (competitor == null) {
                    problems.add(new ResultProblem(row, where + "team", "a submission needs its team or user"));
                    continue;
                }
                if (tooLong(challenge, where + "challenge", row, problems)
                        | tooLong(competitor, where + "team", row, problems)
                        | tooLong(user, where + "user", row, problems)) {
                    continue;
                }
                if (challenge != null && category != null && at != null && type != null) {
                    boolean correct = type.equals("correct");
                    String member = team != null ? user : null;
                    submissions.add(
                            new Submission(challenge, category, competitor, member, at, correct, provided, row));
                    if (correct) {
                        solves.add(new Solve(challenge, category, competitor, member, at, 0, row));
                    }
                }
            }
        }
        if (body.containsKey("flags") && !body.isNull("flags")) {
            JsonArray rows = body.getJsonArray("flags");
            if (!withinEntries(rows, problems)) {
                return Evidence.NONE;
            }
            for (int i = 0; i < rows.size(); i++) {
                int row = i + 1;
                JsonObject o = rows.getJsonObject(i);
                String challenge = named(o, "challenge", row, "flags[" + row + "].", problems);
                String team = named(o, "team", row, "flags[" + row + "].", problems);
                String content = text(o, "content", row, problems);
                if (content != null && content.length() > MAX_FLAG) {
                    problems.add(new ResultProblem(
                            row, "flags[" + row + "].content", "is longer than " + MAX_FLAG + " characters"));
                } else if (challenge != null && team != null && content != null) {
                    flags.add(new TeamFlag(challenge, team, content));
                }
            }
        }
        return new Evidence(solves, submissions, flags);
    }

    /** The longest challenge, competitor or member name kept as evidence. */
    static final int MAX_NAME = 200;

    /** True, with a problem, when a name is longer than the evidence keeps. */
    private static boolean tooLong(String value, String field, int row, List<ResultProblem> problems) {
        if (value != null && value.length() > MAX_NAME) {
            problems.add(new ResultProblem(row, field, "is longer than " + MAX_NAME + " characters"));
            return true;
        }
        return false;
    }

    /** A field that CTFd gives as a name or as an object with a {@code name}. */
    private static String named(JsonObject o, String key, int row, String where, List<ResultProblem> problems) {
        JsonValue v = o.get(key);
        if (v instanceof JsonObject inner) {
            String name = inner.getString("name", null);
            if (name == null || name.isBlank()) {
                problems.add(new ResultProblem(row, where + key + ".name", "is required"));
                return null;
            }
            return name.trim();
        }
        if (v == null
                || v.getValueType() == JsonValue.ValueType.NULL
                || v instanceof JsonString js && js.getString().isBlank()) {
            problems.add(new ResultProblem(row, where + key, "is required"));
            return null;
        }
        return v instanceof JsonString js ? js.getString().trim() : v.toString();
    }

    // --- cells ---------------------------------------------------------------------------------

    /** A solve's category in its stored form, or null with a problem when the name breaks the rule. */
    private static String category(String name, int row, List<ResultProblem> problems) {
        if (name == null) {
            return null;
        }
        if (!CategoryName.valid(name)) {
            problems.add(new ResultProblem(row, "category", CategoryName.problem(name)));
            return null;
        }
        return CategoryName.key(name);
    }

    private static int required(CsvReader csv, String column, List<ResultProblem> problems) {
        return csv.column(column).orElseGet(() -> {
            problems.add(new ResultProblem(1, column, "the column is missing"));
            return -1;
        });
    }

    private static String cell(CsvReader.Row r, int index) {
        if (index < 0 || index >= r.cells().size()) {
            return null;
        }
        String value = r.cells().get(index).trim();
        return value.isEmpty() ? null : value;
    }

    private static Integer parseInt(String value, int row, String field, List<ResultProblem> problems) {
        if (value == null) {
            problems.add(new ResultProblem(row, field, "is required"));
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            if (value.matches("[+-]?\\d+")) {
                problems.add(new ResultProblem(
                        row,
                        field,
                        "'" + abbreviated(value) + "' is out of range: at most " + InputLimits.count(MAX_PLACE)));
                return null;
            }
            problems.add(new ResultProblem(row, field, "'" + value + "' is not a whole number"));
            return null;
        }
    }

    private static Double parseDouble(String value, int row, String field, List<ResultProblem> problems) {
        if (value == null) {
            problems.add(new ResultProblem(row, field, "is required"));
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(new ResultProblem(row, field, "'" + value + "' is not a number"));
            return null;
        }
    }

    private static Instant instant(String text, int row, List<ResultProblem> problems) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                problems.add(new ResultProblem(
                        row, "time", "'" + text + "' is not an ISO-8601 time (2026-05-01T10:00:00Z)"));
                return null;
            }
        }
    }

    /** A text that may be left out (null then); present, it must be a non-empty string. */
    private static String optionalText(JsonObject o, String key, int row, List<ResultProblem> problems) {
        if (!o.containsKey(key) || o.isNull(key)) {
            return null;
        }
        if (!(o.get(key) instanceof JsonString js) || js.getString().isBlank()) {
            problems.add(new ResultProblem(row, key, "must be a student ref where it is given"));
            return null;
        }
        return js.getString().trim();
    }

    private static String text(JsonObject o, String key, int row, List<ResultProblem> problems) {
        if (!o.containsKey(key) || o.isNull(key)) {
            problems.add(new ResultProblem(row, key, "is required"));
            return null;
        }
        JsonValue v = o.get(key);
        String s = v instanceof JsonString js ? js.getString().trim() : v.toString();
        if (s.isEmpty()) {
            problems.add(new ResultProblem(row, key, "is required"));
            return null;
        }
        return s;
    }

    private static Double number(JsonObject o, String key, int row, List<ResultProblem> problems) {
        if (!o.containsKey(key) || o.isNull(key)) {
            problems.add(new ResultProblem(row, key, "is required"));
            return null;
        }
        if (!(o.get(key) instanceof JsonNumber n)) {
            problems.add(new ResultProblem(row, key, "must be a number"));
            return null;
        }
        return finite(n, row, key, problems);
    }

    /** A number's value, never silently rounded to infinity: {@code 1e309} is a problem, not a score. */
    private static Double finite(JsonNumber n, int row, String key, List<ResultProblem> problems) {
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            problems.add(new ResultProblem(row, key, "'" + abbreviated(n.toString()) + "' is out of range"));
            return null;
        }
        return d;
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static Integer integer(JsonObject o, String key, int row, List<ResultProblem> problems) {
        Double d = number(o, key, row, problems);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d)) {
            problems.add(new ResultProblem(row, key, "must be a whole number"));
            return null;
        }
        if (d > MAX_PLACE || d < Integer.MIN_VALUE) {
            problems.add(new ResultProblem(
                    row,
                    key,
                    "'" + abbreviated(o.get(key).toString()) + "' is out of range: at most "
                            + InputLimits.count(MAX_PLACE)));
            return null;
        }
        return d.intValue();
    }
}
