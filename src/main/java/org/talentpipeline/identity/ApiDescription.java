package org.talentpipeline.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's OpenAPI 3 document, built from the JAX-RS resources themselves: every route with its
 * path and query parameters, its body and answer (schemas from the records), the errors it can
 * answer, and who may call it, from its {@link Performs} operation's grants in the access policy
 * ({@code x-operation}, {@code x-roles}). Lives in identity because the roles are the policy's; it
 * reads the resources of every area by reflection only.
 */
public final class ApiDescription {

    private static final Pattern PARAM =
            Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::[^{}]*(?:\\{[^{}]*\\}[^{}]*)*)?\\}");

    private final Map<String, JsonObject> schemas = new TreeMap<>();
    private final Map<Class<?>, String> named = new HashMap<>();

    private ApiDescription() {}

    /** The document for these resource classes under the application's path. */
    public static JsonObject of(Class<?> application, Collection<Class<?>> resources, String version) {
        return new ApiDescription().build(application, resources, version);
    }

    /** A route's path from the context root with each parameter as {name}, as the document lists it. */
    public static String template(String path) {
        Matcher m = PARAM.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("{" + m.group(1) + "}"));
        }
        m.appendTail(out);
        return out.toString().replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    private JsonObject build(Class<?> application, Collection<Class<?>> resources, String version) {
        String root = "/" + application.getAnnotation(ApplicationPath.class).value();
        Map<String, Map<String, JsonObject>> paths = new TreeMap<>();
        List<Class<?>> sorted =
                resources.stream().sorted(Comparator.comparing(Class::getName)).toList();
        for (Class<?> resource : sorted) {
            String base = root + "/" + resource.getAnnotation(Path.class).value();
            Method[] methods = resource.getMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toString));
            for (Method method : methods) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = template(base + (sub == null ? "" : "/" + sub.value()));
                paths.computeIfAbsent(path, p -> new TreeMap<>())
                        .put(http.toLowerCase(Locale.ROOT), operation(resource, method, http));
            }
        }
        JsonObjectBuilder pathsJson = Json.createObjectBuilder();
        paths.forEach((path, ops) -> {
            JsonObjectBuilder o = Json.createObjectBuilder();
            ops.forEach(o::add);
            pathsJson.add(path, o);
        });
        JsonObjectBuilder components = Json.createObjectBuilder();
        schemas.put(
                "ApiError",
                Json.createObjectBuilder()
                        .add("type", "object")
                        .add(
                                "properties",
                                Json.createObjectBuilder()
                                        .add("error", Json.createObjectBuilder().add("type", "string"))
                                        .add(
                                                "details",
                                                Json.createObjectBuilder()
                                                        .add("type", "array")
                                                        .add(
                                                                "items",
                                                                Json.createObjectBuilder()
                                                                        .add("type", "object")
                                                                        .add(
                                                                                "properties",
                                                                                Json.createObjectBuilder()
                                                                                        .add(
                                                                                                "field",
                                                                                                Json
                                                                                                        .createObjectBuilder()
                                                                                                        .add(
                                                                                                                "type",
                                                                                                                "string"))
                                                                                        .add(
                                                                                                "message",
                                                                                                Json
                                                                                                        .createObjectBuilder()
                                                                                                        .add(
                                                                                                                "type",
                                                                                                                "string"))))))
                        .build());
        JsonObjectBuilder schemaJson = Json.createObjectBuilder();
        schemas.forEach(schemaJson::add);
        components.add("schemas", schemaJson);
        components.add(
                "securitySchemes",
                Json.createObjectBuilder()
                        .add(
                                "bearer",
                                Json.createObjectBuilder()
                                        .add("type", "http")
                                        .add("scheme", "bearer")
                                        .add(
                                                "description",
                                                "A token from POST /api/v1/auth/token; it lives eight hours and is revoked by logout, "
                                                        + "a password change or reset, and disabling the user.")));
        return Json.createObjectBuilder()
                .add("openapi", "3.0.3")
                .add(
                        "info",
                        Json.createObjectBuilder()
                                .add("title", "Talent Pipeline API")
                                .add("version", version)
                                .add(
                                        "description",
                                        "Every route names the access-policy operation it performs (x-operation) and the "
                                                + "roles the policy grants it, each with its scope (x-roles). Another tenant's record answers "
                                                + "404; a role the operation does not grant, 403; no token, 401. Every edit (PUT) names "
                                                + "the version it started from in If-Match (the ETag of the GET)."))
                .add(
                        "servers",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("url", "/")))
                .add("paths", pathsJson)
                .add("components", components)
                .build();
    }

    private JsonObject operation(Class<?> resource, Method method, String http) {
        JsonObjectBuilder op = Json.createObjectBuilder();
        String tag = resource.getSimpleName().replaceFirst("Resource$", "");
        op.add("tags", Json.createArrayBuilder().add(tag));
        op.add("operationId", tag + "_" + method.getName());
        Performs performs = method.getAnnotation(Performs.class);
        boolean open = method.isAnnotationPresent(PermitAll.class);
        if (performs != null) {
            Operation operation = performs.value();
            JsonArrayBuilder roles = Json.createArrayBuilder();
            StringBuilder who = new StringBuilder();
            operation.grants().forEach((role, scope) -> {
                roles.add(Json.createObjectBuilder().add("role", role.name()).add("scope", scope.name()));
                who.append(who.length() == 0 ? "" : ", ")
                        .append(role.name())
                        .append(" (")
                        .append(scope.name())
                        .append(')');
            });
            op.add("summary", operation.name() + ": " + who);
            op.add("x-operation", operation.name());
            op.add("x-roles", roles);
            op.add(
                    "security",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder().add("bearer", JsonValue.EMPTY_JSON_ARRAY)));
        } else if (open) {
            op.add("summary", "public: no token needed");
            op.add("security", JsonValue.EMPTY_JSON_ARRAY);
        } else {
            op.add("summary", "declares no operation: nobody may call it");
        }
        JsonArrayBuilder parameters = Json.createArrayBuilder();
        Type body = null;
        for (Parameter p : method.getParameters()) {
            PathParam path = p.getAnnotation(PathParam.class);
            QueryParam query = p.getAnnotation(QueryParam.class);
            HeaderParam header = p.getAnnotation(HeaderParam.class);
            if (path != null) {
                parameters.add(parameter(path.value(), "path", true, p));
            } else if (query != null) {
                parameters.add(parameter(query.value(), "query", false, p));
            } else if (header != null) {
                parameters.add(parameter(header.value(), "header", false, p));
            } else if (!p.isAnnotationPresent(Context.class) && !hasJaxRsAnnotation(p)) {
                body = p.getParameterizedType();
            }
        }
        boolean edit = HttpMethod.PUT.equals(http);
        if (edit) {
            parameters.add(Json.createObjectBuilder()
                    .add("name", "If-Match")
                    .add("in", "header")
                    .add("required", true)
                    .add("description", "the ETag of the record as read: the version this edit started from")
                    .add("schema", Json.createObjectBuilder().add("type", "string")));
        }
        op.add("parameters", parameters);
        if (body != null) {
            JsonObjectBuilder content = Json.createObjectBuilder();
            for (String type :
                    mediaTypes(method.getAnnotation(Consumes.class), resource.getAnnotation(Consumes.class))) {
                content.add(
                        type,
                        Json.createObjectBuilder()
                                .add(
                                        "schema",
                                        body == InputStream.class
                                                ? Json.createObjectBuilder()
                                                        .add("type", "string")
                                                        .add("format", "binary")
                                                        .build()
                                                : schema(body, Map.of())));
            }
            op.add(
                    "requestBody",
                    Json.createObjectBuilder().add("required", true).add("content", content));
        }
        JsonObjectBuilder responses = Json.createObjectBuilder();
        Type answer = method.getGenericReturnType();
        List<String> produces =
                mediaTypes(method.getAnnotation(Produces.class), resource.getAnnotation(Produces.class));
        if (answer == void.class || answer == Void.class) {
            responses.add("204", Json.createObjectBuilder().add("description", "done"));
        } else {
            JsonObjectBuilder ok = Json.createObjectBuilder()
                    .add(
                            "description",
                            answer == Response.class
                                    ? "the answer (201 with the record on creation, 204 when there is nothing to say; edits carry an ETag)"
                                    : "the answer");
            if (answer != Response.class) {
                JsonObjectBuilder content = Json.createObjectBuilder();
                for (String type : produces) {
                    content.add(type, Json.createObjectBuilder().add("schema", schema(answer, Map.of())));
                }
                ok.add("content", content);
            }
            responses.add("200", ok);
        }
        responses.add("400", error("invalid input: the answer names each bad field (also a body over its limit: 413)"));
        if (!open) {
            responses.add("401", error("no token, or a revoked or expired one"));
            responses.add("403", error("the caller's role may not do this, or their password must be changed first"));
        }
        if (method.getParameters().length > 0
                && Arrays.stream(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(PathParam.class))) {
            responses.add("404", error("no such record, or one outside the caller's scope"));
        }
        if (!HttpMethod.GET.equals(http)) {
            responses.add("409", error("the change conflicts with the record's state"));
        }
        if (edit) {
            responses.add("412", error("the record changed since the version in If-Match"));
            responses.add("428", error("If-Match is missing"));
        }
        op.add("responses", responses);
        return op.build();
    }

    private static boolean hasJaxRsAnnotation(Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            if (a.annotationType().getPackageName().startsWith("jakarta.ws.rs")) {
                return !(a instanceof DefaultValue);
            }
        }
        return false;
    }

    private JsonObject parameter(String name, String in, boolean required, Parameter p) {
        JsonObjectBuilder schema = Json.createObjectBuilder(schema(p.getParameterizedType(), Map.of()));
        DefaultValue fallback = p.getAnnotation(DefaultValue.class);
        if (fallback != null) {
            schema.add("default", fallback.value());
        }
        return Json.createObjectBuilder()
                .add("name", name)
                .add("in", in)
                .add("required", required)
                .add("schema", schema)
                .build();
    }

    private static JsonObject error(String description) {
        return Json.createObjectBuilder()
                .add("description", description)
                .add(
                        "content",
                        Json.createObjectBuilder()
                                .add(
                                        MediaType.APPLICATION_JSON,
                                        Json.createObjectBuilder()
                                                .add(
                                                        "schema",
                                                        Json.createObjectBuilder()
                                                                .add("$ref", "#/components/schemas/ApiError"))))
                .build();
    }

    private static List<String> mediaTypes(Annotation onMethod, Annotation onClass) {
        String[] types = onMethod instanceof Consumes c
                ? c.value()
                : onMethod instanceof Produces p
                        ? p.value()
                        : onClass instanceof Consumes c2
                                ? c2.value()
                                : onClass instanceof Produces p2
                                        ? p2.value()
                                        : new String[] {MediaType.APPLICATION_JSON};
        List<String> out = new ArrayList<>();
        for (String t : types) {
            for (String one : t.split(",")) {
                if (!one.isBlank() && !out.contains(one.trim())) {
                    out.add(one.trim());
                }
            }
        }
        return out;
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** A JSON schema for a Java type; records and beans become named schemas under components. */
    private JsonObject schema(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> v) {
            Type bound = bindings.get(v);
            return bound == null ? JsonValue.EMPTY_JSON_OBJECT : schema(bound, Map.of());
        }
        if (type instanceof WildcardType w) {
            return schema(w.getUpperBounds()[0], bindings);
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Json.createObjectBuilder()
                        .add("type", "array")
                        .add("items", schema(args[0], bindings))
                        .build();
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Json.createObjectBuilder()
                        .add("type", "object")
                        .add("additionalProperties", schema(args[1], bindings))
                        .build();
            }
            if (raw == Optional.class) {
                return schema(args[0], bindings);
            }
            Map<TypeVariable<?>, Type> inner = new HashMap<>();
            TypeVariable<?>[] vars = raw.getTypeParameters();
            for (int i = 0; i < vars.length; i++) {
                inner.put(
                        vars[i],
                        args[i] instanceof TypeVariable<?> v ? bindings.getOrDefault(v, Object.class) : args[i]);
            }
            return object(raw, inner);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class || c == char.class || c == Character.class) {
            return simple("string", null);
        }
        if (c == boolean.class || c == Boolean.class) {
            return simple("boolean", null);
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class) {
            return simple("integer", "int32");
        }
        if (c == long.class || c == Long.class) {
            return simple("integer", "int64");
        }
        if (c == double.class
                || c == Double.class
                || c == float.class
                || c == Float.class
                || Number.class.isAssignableFrom(c)) {
            return simple("number", null);
        }
        if (c == Instant.class || c == OffsetDateTime.class || c == LocalDateTime.class) {
            return simple("string", "date-time");
        }
        if (c == LocalDate.class) {
            return simple("string", "date");
        }
        if (c.isEnum()) {
            JsonArrayBuilder values = Json.createArrayBuilder();
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return Json.createObjectBuilder()
                    .add("type", "string")
                    .add("enum", values)
                    .build();
        }
        if (c.isArray()) {
            return c == byte[].class
                    ? simple("string", "byte")
                    : Json.createObjectBuilder()
                            .add("type", "array")
                            .add("items", schema(c.getComponentType(), bindings))
                            .build();
        }
        if (Collection.class.isAssignableFrom(c)) {
            return Json.createObjectBuilder()
                    .add("type", "array")
                    .add("items", JsonValue.EMPTY_JSON_OBJECT)
                    .build();
        }
        if (Map.class.isAssignableFrom(c)
                || JsonValue.class.isAssignableFrom(c)
                || c == Object.class
                || c.getName().startsWith("java.")
                || c.getName().startsWith("jakarta.")) {
            return simple("object", null);
        }
        return object(c, Map.of());
    }

    private static JsonObject simple(String type, String format) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", type);
        if (format != null) {
            b.add("format", format);
        }
        return b.build();
    }

    /** A record's or bean's schema, named once under components (generic ones by their arguments: Page_UserSummary). */
    private JsonObject object(Class<?> c, Map<TypeVariable<?>, Type> bindings) {
        String name = c.getSimpleName()
                + (bindings.isEmpty()
                        ? ""
                        : "_"
                                + String.join(
                                        "_",
                                        Arrays.stream(c.getTypeParameters())
                                                .map(v -> simpleName(bindings.get(v)))
                                                .toList()));
        if (!schemas.containsKey(name)) {
            schemas.put(name, JsonValue.EMPTY_JSON_OBJECT);
            JsonObjectBuilder properties = Json.createObjectBuilder();
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    properties.add(rc.getName(), schema(rc.getGenericType(), bindings));
                }
            } else {
                for (Method m : c.getMethods()) {
                    if (m.getParameterCount() == 0
                            && m.getDeclaringClass() != Object.class
                            && !Modifier.isStatic(m.getModifiers())) {
                        String property = property(m.getName(), m.getReturnType());
                        if (property != null) {
                            properties.add(property, schema(m.getGenericReturnType(), bindings));
                        }
                    }
                }
                for (Field f : c.getFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        properties.add(f.getName(), schema(f.getGenericType(), bindings));
                    }
                }
            }
            schemas.put(
                    name,
                    Json.createObjectBuilder()
                            .add("type", "object")
                            .add("properties", properties)
                            .build());
        }
        return Json.createObjectBuilder()
                .add("$ref", "#/components/schemas/" + name)
                .build();
    }

    private static String simpleName(Type t) {
        if (t instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (t instanceof ParameterizedType p) {
            return ((Class<?>) p.getRawType()).getSimpleName() + "_"
                    + String.join(
                            "_",
                            Arrays.stream(p.getActualTypeArguments())
                                    .map(ApiDescription::simpleName)
                                    .toList());
        }
        return "Object";
    }

    private static String property(String method, Class<?> returns) {
        if (method.startsWith("get") && method.length() > 3 && !method.equals("getClass")) {
            return Character.toLowerCase(method.charAt(3)) + method.substring(4);
        }
        if (method.startsWith("is") && method.length() > 2 && (returns == boolean.class || returns == Boolean.class)) {
            return Character.toLowerCase(method.charAt(2)) + method.substring(3);
        }
        return null;
    }

    /** Route path templates, for tests: every route as "METHOD /path". */
    public static List<String> routes(JsonObject document) {
        List<String> out = new ArrayList<>();
        document.getJsonObject("paths")
                .forEach((path, ops) ->
                        ops.asJsonObject().keySet().forEach(m -> out.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        return out;
    }
}
