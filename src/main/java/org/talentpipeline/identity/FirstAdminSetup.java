package org.talentpipeline.identity;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.talentpipeline.platform.ApiError.FieldProblem;

/**
 * {@code /setup?key=...}: the page of the one-time link that {@link FirstAdmin} logs on an empty
 * database. Public (the key is the credential); a plain form with no script, under the strict CSP.
 */
@WebServlet("/setup")
public class FirstAdminSetup extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    FirstAdmin firstAdmin;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("key");
        if (!firstAdmin.valid(key)) {
            page(request, response, HttpServletResponse.SC_NOT_FOUND, null, List.of(text(request, "setup.invalid")));
            return;
        }
        page(request, response, HttpServletResponse.SC_OK, key, List.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("key");
        String password = request.getParameter("password");
        if (password != null && !password.equals(request.getParameter("repeat"))) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, key, List.of(text(request, "setup.mismatch")));
            return;
        }
        List<FieldProblem> problems = firstAdmin.claim(key, password);
        if (problems.isEmpty()) {
            response.sendRedirect(request.getContextPath() + FormAndTokenAuthentication.LOGIN_PAGE);
        } else if (problems.get(0).field().equals("key")) {
            page(request, response, HttpServletResponse.SC_NOT_FOUND, null, List.of(text(request, "setup.invalid")));
        } else {
            page(
                    request,
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    key,
                    problems.stream()
                            .map(p -> text(request, "field.password") + " " + p.message())
                            .toList());
        }
    }

    private static void page(
            HttpServletRequest request, HttpServletResponse response, int status, String key, List<String> errors)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter out = response.getWriter();
        String css = request.getContextPath() + "/resources/css/app.css";
        out.println("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>" + html(text(request, "setup.title"))
                + "</title><link rel=\"stylesheet\" href=\"" + html(css) + "\"/></head><body><main>");
        out.println("<h1>" + html(text(request, "setup.title")) + "</h1>");
        for (String error : errors) {
            out.println("<p class=\"error\" role=\"alert\">" + html(error) + "</p>");
        }
        if (key != null) {
            out.println("<p>" + html(text(request, "setup.intro")) + "</p>");
            out.println("<form method=\"post\" action=\"" + html(request.getContextPath() + "/setup") + "\">");
            out.println("<input type=\"hidden\" name=\"key\" value=\"" + html(key) + "\"/>");
            out.println("<p><label>" + html(text(request, "field.username")) + " <input type=\"text\" value=\""
                    + FirstAdmin.USERNAME + "\" readonly=\"readonly\"/></label></p>");
            out.println(
                    "<p><label>" + html(text(request, "field.password"))
                            + " <input type=\"password\" name=\"password\" id=\"password\" autocomplete=\"new-password\" required=\"required\"/></label></p>");
            out.println(
                    "<p><label>" + html(text(request, "setup.repeat"))
                            + " <input type=\"password\" name=\"repeat\" id=\"repeat\" autocomplete=\"new-password\" required=\"required\"/></label></p>");
            out.println("<p><button type=\"submit\" id=\"save\">" + html(text(request, "action.save"))
                    + "</button></p></form>");
        }
        out.println("</main></body></html>");
    }

    private static String text(HttpServletRequest request, String key) {
        Locale locale = request.getLocale() == null ? Locale.ROOT : request.getLocale();
        ResourceBundle bundle = ResourceBundle.getBundle("messages", locale);
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }

    private static String html(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
