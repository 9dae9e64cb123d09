package org.talentpipeline.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Headers every response carries: the content security policy, no MIME sniffing, no framing by
 * other sites, no full URLs (which can hold student refs) leaked to other origins, no caching of
 * personal data, and HSTS when the request came over HTTPS ({@link TransportSecurity}).
 *
 * <p>The policy is the context parameter {@code primefaces.CSP_POLICY} (web.xml), ending in
 * {@code script-src 'self'}. This filter sends it on every response; on a page PrimeFaces sends it
 * again with the page's script nonce appended, and the response here keeps that one instead of
 * adding it as a second header (a browser enforces every CSP header, and the one without the nonce
 * would block the page's scripts).
 */
@WebFilter(
        urlPatterns = "/*",
        asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String POLICY_PARAMETER = "primefaces.CSP_POLICY";
    static final String CSP = "Content-Security-Policy";
    static final String HSTS = "max-age=31536000; includeSubDomains";
    private static final String FALLBACK_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'; script-src 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        if (TransportSecurity.overHttps(request) && !TransportSecurity.containerSecuresCookies(request)) {
            chain.doFilter(new SecureSessionCookie(request, response), new Wrapped(response, true));
            if (!response.isCommitted()) {
                secureCookies(response);
            }
        } else {
            chain.doFilter(request, new Wrapped(response, false));
        }
    }

    /**
     * Sets the headers. Also called by the authentication mechanism for the responses it ends itself
     * (the redirect to sign in, a refused token), which never reach this filter.
     */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(CSP, policy(request.getServletContext()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (TransportSecurity.overHttps(request)) {
            response.setHeader("Strict-Transport-Security", HSTS);
            if (!TransportSecurity.containerSecuresCookies(request)) {
                secureCookies(response);
            }
        }
    }

    static String policy(ServletContext context) {
        String policy = context.getInitParameter(POLICY_PARAMETER);
        return policy == null || policy.isBlank() ? FALLBACK_POLICY : policy.strip();
    }

    /**
     * Marks every cookie the response sets so far {@code Secure}. Payara marks the session cookie
     * itself when the connection is TLS; behind a proxy it cannot know, so this is done here, as soon
     * as a session is made or renewed and once more at the end while the headers can still change.
     */
    static void secureCookies(HttpServletResponse response) {
        List<String> cookies = List.copyOf(response.getHeaders("Set-Cookie"));
        if (cookies.stream().allMatch(SecurityHeaders::isSecure)) {
            return;
        }
        for (int i = 0; i < cookies.size(); i++) {
            String cookie = isSecure(cookies.get(i)) ? cookies.get(i) : cookies.get(i) + "; Secure";
            if (i == 0) {
                response.setHeader("Set-Cookie", cookie);
            } else {
                response.addHeader("Set-Cookie", cookie);
            }
        }
    }

    private static boolean isSecure(String cookie) {
        for (String attribute : cookie.split(";")) {
            if (attribute.strip().equalsIgnoreCase("Secure")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The response the application writes to: a second content security policy replaces the first;
     * behind an HTTPS proxy, the cookies are marked {@code Secure} before a redirect or an error ends
     * it (sign-in renews the session inside the container, out of this filter's sight, then redirects).
     */
    private static final class Wrapped extends HttpServletResponseWrapper {

        private final boolean secure;

        Wrapped(HttpServletResponse response, boolean secure) {
            super(response);
            this.secure = secure;
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            beforeEnd();
            super.sendRedirect(location);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            beforeEnd();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            beforeEnd();
            super.sendError(status);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            beforeEnd();
            return super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            beforeEnd();
            return super.getOutputStream();
        }

        @Override
        public void flushBuffer() throws IOException {
            beforeEnd();
            super.flushBuffer();
        }

        private void beforeEnd() {
            if (secure && !isCommitted()) {
                secureCookies((HttpServletResponse) getResponse());
            }
        }
    }

    /** A request whose new or renewed session's cookie is marked {@code Secure} at once. */
    private static final class SecureSessionCookie extends HttpServletRequestWrapper {

        private final HttpServletResponse response;

        SecureSessionCookie(HttpServletRequest request, HttpServletResponse response) {
            super(request);
            this.response = response;
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession session = super.getSession(create);
            if (session != null && session.isNew() && !response.isCommitted()) {
                secureCookies(response);
            }
            return session;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public String changeSessionId() {
            String id = super.changeSessionId();
            if (!response.isCommitted()) {
                secureCookies(response);
            }
            return id;
        }
    }
}
