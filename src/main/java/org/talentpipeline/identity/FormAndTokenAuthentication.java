package org.talentpipeline.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.talentpipeline.platform.SecurityHeaders;

/**
 * The application's one authentication mechanism: bearer tokens for the API ({@code /api/}), form
 * sign-in with a server-side session for pages. Jakarta Security 3 allows one mechanism per
 * application, so both live here.
 */
@ApplicationScoped
public class FormAndTokenAuthentication implements HttpAuthenticationMechanism {

    static final String SESSION_CALLER = Caller.class.getName();
    /** The user's credential generation when this session signed in; a later one signs the session out. */
    static final String SESSION_GENERATION = FormAndTokenAuthentication.class.getName() + ".generation";
    /** The outcome of a form sign-in, for the sign-in page's message. */
    static final String SIGN_IN_RESULT = SignInResult.class.getName();

    static final String RETURN_TO = FormAndTokenAuthentication.class.getName() + ".returnTo";
    public static final String LOGIN_PAGE = "/login.xhtml";
    public static final String PASSWORD_PAGE = "/account/password.xhtml";
    /** What a user whose password was reset may call before changing it: their account, the change, logout. */
    private static final Set<String> BEFORE_PASSWORD_CHANGE =
            Set.of("/api/v1/me", "/api/v1/me/password", "/api/v1/auth/password", "/api/v1/auth/logout");

    @Inject
    AccountService accounts;

    @Inject
    Preferences preferences;

    @Inject
    ApiTokens tokens;

    @Inject
    UserService users;

    @Inject
    ClientAddress clientAddress;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (isApi(request)) {
            return bearer(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential form) {
            return formSignIn(request, context, form);
        }
        HttpSession session = request.getSession(false);
        Caller caller = session == null ? null : (Caller) session.getAttribute(SESSION_CALLER);
        if (caller != null) {
            UserService.SessionState state = state(session, caller);
            if (state == UserService.SessionState.MUST_CHANGE_PASSWORD && !mayPrecedePasswordChange(request)) {
                SecurityHeaders.apply(request, response);
                return context.redirect(request.getContextPath() + PASSWORD_PAGE);
            }
            if (state != UserService.SessionState.GONE) {
                return signedIn(request, context, caller);
            }
            // disabled, or the password changed, since this session signed in (on any node)
            session.invalidate();
        }
        if (context.isProtected()) {
            if (isPageVisit(request)) {
                String query = request.getQueryString();
                request.getSession(true)
                        .setAttribute(RETURN_TO, request.getRequestURI() + (query == null ? "" : "?" + query));
            }
            SecurityHeaders.apply(request, response);
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    private AuthenticationStatus formSignIn(
            HttpServletRequest request, HttpMessageContext context, UsernamePasswordCredential form) {
        SignInResult result = accounts.signIn(form.getCaller(), form.getPasswordAsString(), clientAddress.of(request));
        request.setAttribute(SIGN_IN_RESULT, result);
        if (!result.succeeded()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        // a new session id at sign-in defeats session fixation
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(SESSION_CALLER, result.caller());
        request.getSession().setAttribute(SESSION_GENERATION, result.generation());
        preferences.handOver(result.caller().username(), request.getSession());
        return signedIn(request, context, result.caller());
    }

    private AuthenticationStatus bearer(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            // anonymous: the API's access control answers 401 where a caller is required
            return context.doNothing();
        }
        Optional<ApiTokens.Verified> caller = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.check(header.substring(7).trim())
                : Optional.empty();
        if (caller.isPresent()
                && caller.get().mustChangePassword()
                && !BEFORE_PASSWORD_CHANGE.contains(request.getRequestURI()
                        .substring(request.getContextPath().length()))) {
            refuse(
                    request,
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    "password change required: your password was reset; POST /api/v1/me/password first");
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "invalid or expired token");
            return AuthenticationStatus.SEND_FAILURE;
        }
        return signedIn(request, context, caller.get().caller());
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String error) {
        try {
            SecurityHeaders.apply(request, response);
            response.setStatus(status);
            response.setContentType("application/json");
            response.getOutputStream()
                    .write(("{\"error\":\"" + error + "\",\"details\":[]}").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the client has gone; nothing to tell it
        }
    }

    /** The password page itself, its resources, and signing out. */
    private static boolean mayPrecedePasswordChange(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(PASSWORD_PAGE)
                || path.startsWith("/jakarta.faces.resource/")
                || path.startsWith("/resources/")
                || path.startsWith("/logout")
                || path.equals(LOGIN_PAGE);
    }

    /** One indexed lookup per request of a signed-in session: nothing is cached that could outlive a revocation. */
    private UserService.SessionState state(HttpSession session, Caller caller) {
        Object generation = session.getAttribute(SESSION_GENERATION);
        return generation instanceof Integer g
                ? users.sessionState(caller.username(), g)
                : UserService.SessionState.GONE;
    }

    /** After the signed-in user changed their own password: this session stays, every other goes. */
    static void keepSession(HttpServletRequest request, int generation) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(SESSION_GENERATION, generation);
        }
    }

    private static AuthenticationStatus signedIn(
            HttpServletRequest request, HttpMessageContext context, Caller caller) {
        request.setAttribute(SESSION_CALLER, caller);
        return context.notifyContainerAboutLogin(caller.username(), caller.groups());
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_CALLER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /** A page the user navigated to, worth returning to after sign-in (not a favicon or a form post). */
    private static boolean isPageVisit(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) && (path.endsWith(".xhtml") || path.equals("/") || path.isEmpty());
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** Where to go after signing in: the page that asked for it, or the home page. */
    static String takeReturnTo(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object target = session == null ? null : session.getAttribute(RETURN_TO);
        if (session != null) {
            session.removeAttribute(RETURN_TO);
        }
        return target instanceof String s && s.startsWith(request.getContextPath() + "/") ? s : null;
    }
}
