package org.talentpipeline.identity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.talentpipeline.platform.ApiApplication;

/**
 * {@code GET /openapi}: the API's OpenAPI 3 document ({@link ApiDescription}), public like the
 * README that describes the same routes. Built once, from the resource classes in
 * {@code WEB-INF/classes}; the API browser at {@code /api-docs/} reads it.
 */
@WebServlet("/openapi")
public class ApiDescriptionEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String PACKAGE = "/WEB-INF/classes/org/talentpipeline/";

    private transient volatile String document;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String json = document;
        if (json == null) {
            json = build(getServletContext());
            document = json;
        }
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(json);
    }

    private static String build(ServletContext context) {
        List<Class<?>> resources = new ArrayList<>();
        collect(context, PACKAGE, resources);
        JsonObject doc = ApiDescription.of(
                ApiApplication.class,
                resources,
                ApiDescriptionEndpoint.class.getPackage().getImplementationVersion() == null
                        ? "1"
                        : ApiDescriptionEndpoint.class.getPackage().getImplementationVersion());
        // the routes are relative to where the application is deployed, which need not be the server's root
        String root = context.getContextPath().isEmpty() ? "/" : context.getContextPath();
        doc = Json.createObjectBuilder(doc)
                .add(
                        "servers",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("url", root)))
                .build();
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of()).createWriter(out)) {
            writer.write(doc);
        }
        return out.toString();
    }

    private static void collect(ServletContext context, String dir, List<Class<?>> into) {
        Set<String> entries = context.getResourcePaths(dir);
        if (entries == null) {
            return;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String entry : entries) {
            if (entry.endsWith("/")) {
                collect(context, entry, into);
            } else if (entry.endsWith(".class") && !entry.contains("$")) {
                String name = entry.substring("/WEB-INF/classes/".length(), entry.length() - ".class".length())
                        .replace('/', '.');
                try {
                    Class<?> c = Class.forName(name, false, loader);
                    if (c.isAnnotationPresent(Path.class)
                            && !c.isInterface()
                            && !Modifier.isAbstract(c.getModifiers())) {
                        into.add(c);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not a class the application can load: not a resource
                }
            }
        }
    }
}
