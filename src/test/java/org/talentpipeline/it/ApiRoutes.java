package org.talentpipeline.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.talentpipeline.platform.ApiApplication;

/**
 * Every route of the JSON API, found by reflection over the application's classes: each JAX-RS
 * resource under {@code org.talentpipeline} (a class with {@code @Path}), each of its methods with an
 * HTTP method, the class and method paths composed under the application path. Tests that must
 * cover every route (the fuzz test, the access policy) walk this list, so a new route is covered
 * the day it is written.
 */
public final class ApiRoutes {

    private static final Pattern PARAM =
            Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::[^{}]*(?:\\{[^{}]*\\}[^{}]*)*)?\\}");

    /**
     * One route: its HTTP method, its path template from the context root with the parameters as
     * {@code {name}} (a regular expression such as {@code {ref: .+}} dropped), the media types it
     * consumes (empty when it declares none), its query parameters and the resource method.
     */
    public record Route(
            String method, String template, List<String> consumes, List<String> queryParams, Method resource) {

        /** The names of the path parameters, in the order they appear. */
        public List<String> pathParams() {
            List<String> names = new ArrayList<>();
            Matcher m = PARAM.matcher(template);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** The path with each parameter replaced by its value, as given (encode it first if it must be). */
        public String expand(Map<String, String> values) {
            Matcher m = PARAM.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + m.group(1) + "} in " + template);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** Whether the route takes a body: POST, PUT or PATCH. */
        public boolean writes() {
            return method.equals(HttpMethod.POST) || method.equals(HttpMethod.PUT) || method.equals(HttpMethod.PATCH);
        }

        /** Whether it consumes JSON (or declares nothing, which JAX-RS reads as anything). */
        public boolean consumesJson() {
            return consumes.isEmpty() || consumes.stream().anyMatch(c -> c.contains("json") || c.equals("*/*"));
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private ApiRoutes() {}

    /** Every route, sorted by path and then method. */
    public static List<Route> all() {
        String root = "/"
                + trim(ApiApplication.class.getAnnotation(ApplicationPath.class).value());
        List<Route> routes = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            collect(
                    resource,
                    join(root, resource.getAnnotation(Path.class).value()),
                    consumes(resource.getAnnotation(Consumes.class), List.of()),
                    routes,
                    0);
        }
        routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        return List.copyOf(routes);
    }

    /** The routes that take a body (POST, PUT, PATCH). */
    public static List<Route> writes() {
        return all().stream().filter(Route::writes).toList();
    }

    private static void collect(Class<?> type, String base, List<String> classConsumes, List<Route> routes, int depth) {
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() == Object.class || m.isSynthetic() || m.isBridge()) {
                continue;
            }
            Path path = m.getAnnotation(Path.class);
            String template = path == null ? base : join(base, path.value());
            String verb = httpMethod(m);
            if (verb == null) {
                // a sub-resource locator: its return type holds the routes below this path
                if (path != null && depth < 4) {
                    collect(
                            m.getReturnType(),
                            template,
                            consumes(m.getAnnotation(Consumes.class), classConsumes),
                            routes,
                            depth + 1);
                }
                continue;
            }
            List<String> query = new ArrayList<>();
            for (Annotation[] annotations : m.getParameterAnnotations()) {
                for (Annotation a : annotations) {
                    if (a instanceof QueryParam q) {
                        query.add(q.value());
                    }
                }
            }
            routes.add(new Route(
                    verb,
                    normalise(template),
                    consumes(m.getAnnotation(Consumes.class), classConsumes),
                    List.copyOf(query),
                    m));
        }
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static List<String> consumes(Consumes consumes, List<String> inherited) {
        if (consumes == null) {
            return inherited;
        }
        return Arrays.stream(consumes.value())
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .toList();
    }

    /** {@code {ref: .+}} becomes {@code {ref}}; double slashes go. */
    private static String normalise(String template) {
        return PARAM.matcher(template)
                .replaceAll(r -> Matcher.quoteReplacement("{" + r.group(1) + "}"))
                .replaceAll("/{2,}", "/");
    }

    private static String join(String base, String path) {
        String tail = trim(path);
        return tail.isEmpty() ? base : base + "/" + tail;
    }

    private static String trim(String path) {
        String p = path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** The classes with {@code @Path} among the application's own (where {@link ApiApplication} was loaded from). */
    private static List<Class<?>> resourceClasses() {
        java.nio.file.Path classes;
        try {
            classes = java.nio.file.Path.of(ApiApplication.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        java.nio.file.Path top = classes.resolve("org/talentpipeline");
        try (Stream<java.nio.file.Path> files = Files.walk(top)) {
            List<Class<?>> found = new ArrayList<>();
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = load(name.substring(0, name.length() - ".class".length()));
                if (type != null
                        && type.isAnnotationPresent(Path.class)
                        && !type.isInterface()
                        && !Modifier.isAbstract(type.getModifiers())) {
                    found.add(type);
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiRoutes.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
