package org.talentpipeline.taxonomy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The skills taxonomy: the NICE Framework's categories, work roles and the task, knowledge and
 * skill statements linked to each role, read once from the NIST release packaged with the
 * application. Read-only and small (a few thousand statements), so it lives in memory.
 */
@ApplicationScoped
@Named
public class NiceFramework {

    public static final String RESOURCE = "taxonomy/nice-framework-2.1.0.json";
    private static final Pattern WORK_ROLE_ID = Pattern.compile("[A-Z]{2}-WRL-\\d{3}");

    private volatile Catalogue catalogue;

    private record Catalogue(
            Map<String, String> categories,
            Map<String, WorkRole> roles,
            Map<String, String> statements,
            Map<String, List<String>> statementsOfRole) {}

    /** A task, knowledge or skill statement: {@code T0084}, {@code K1082}, {@code S0432}. */
    public record Statement(String id, String kind, String text) {}

    private Catalogue catalogue() {
        Catalogue c = catalogue;
        if (c == null) {
            synchronized (this) {
                if (catalogue == null) {
                    catalogue = load();
                }
                c = catalogue;
            }
        }
        return c;
    }

    static Catalogue load() {
        try (InputStream in = NiceFramework.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            JsonObject elements;
            try (JsonReader reader = Json.createReader(in)) {
                elements = reader.readObject().getJsonObject("response").getJsonObject("elements");
            }
            Map<String, String> categories = new LinkedHashMap<>();
            Map<String, WorkRole> roles = new LinkedHashMap<>();
            Map<String, String> statements = new HashMap<>();
            Map<String, String> kinds = new HashMap<>();
            for (JsonValue v : elements.getJsonArray("elements")) {
                JsonObject e = v.asJsonObject();
                String type = e.getString("element_type");
                String id = e.getString("element_identifier");
                String title = e.getString("title", "");
                String text = e.getString("text", "");
                switch (type) {
                    case "category" -> categories.put(id, title.isEmpty() ? text : title);
                    case "work_role" -> roles.put(id, new WorkRole(id, title, text, id.substring(0, 2)));
                    case "task", "knowledge", "skill" -> {
                        statements.put(id, text);
                        kinds.put(id, type);
                    }
                    default -> {
                        // competency areas and OPM codes are not used here
                    }
                }
            }
            Map<String, List<String>> ofRole = new HashMap<>();
            for (JsonValue v : elements.getJsonArray("relationships")) {
                JsonObject r = v.asJsonObject();
                String source = r.getString("source_element_identifier");
                String dest = r.getString("dest_element_identifier");
                if (roles.containsKey(source) && statements.containsKey(dest)) {
                    ofRole.computeIfAbsent(source, k -> new ArrayList<>()).add(kinds.get(dest) + ":" + dest);
                }
            }
            List<WorkRole> sorted = new ArrayList<>(roles.values());
            sorted.sort(Comparator.comparing(WorkRole::id));
            Map<String, WorkRole> ordered = new LinkedHashMap<>();
            sorted.forEach(r -> ordered.put(r.id(), r));
            return new Catalogue(
                    Collections.unmodifiableMap(categories), Collections.unmodifiableMap(ordered), statements, ofRole);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, String> categories() {
        return catalogue().categories();
    }

    public List<WorkRole> workRoles() {
        return List.copyOf(catalogue().roles().values());
    }

    public Optional<WorkRole> workRole(String id) {
        return Optional.ofNullable(catalogue().roles().get(id));
    }

    /** A work role as pages show it, id and title ("PD-WRL-007 Vulnerability Analysis"); text naming no role as it is. */
    public String label(String workRoleId) {
        return workRoleId == null
                ? ""
                : workRole(workRoleId).map(WorkRole::label).orElse(workRoleId);
    }

    /** The task, knowledge and skill statements NICE links to a work role. */
    public List<Statement> statementsOf(String workRoleId) {
        Catalogue c = catalogue();
        return c.statementsOfRole().getOrDefault(workRoleId, List.of()).stream()
                .map(s -> {
                    String[] kindAndId = s.split(":", 2);
                    return new Statement(
                            kindAndId[1], kindAndId[0], c.statements().get(kindAndId[1]));
                })
                .toList();
    }

    /** Whether a text has the shape of a work role id, and so must name a known role. */
    public static boolean looksLikeWorkRole(String text) {
        return WORK_ROLE_ID.matcher(text).matches();
    }
}
