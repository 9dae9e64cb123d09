package org.talentpipeline.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether a request reached the application over HTTPS, for HSTS and {@code Secure} cookies:
 * <ul>
 * <li>{@code TP_HTTPS=true}: every request did (the application is only reachable through an
 * HTTPS proxy); the session cookie is then {@code Secure} from start-up;</li>
 * <li>otherwise the request came over TLS to Payara itself ({@code request.isSecure()}), or a
 * trusted proxy ({@link TrustedProxies}) says so with {@code X-Forwarded-Proto: https}; the
 * header from anyone else is ignored.</li>
 * </ul>
 */
@WebListener
public class TransportSecurity implements ServletContextListener {

    private static volatile Settings settings;

    /** The configuration as read once. */
    record Settings(boolean forced, Set<String> trustedProxies) {

        static Settings read(Config config) {
            boolean forced = config.getOptionalValue("TP_HTTPS", String.class)
                    .map(v -> v.strip().equalsIgnoreCase("true"))
                    .orElse(false);
            return new Settings(forced, TrustedProxies.addresses());
        }

        /** The rule, on the request's facts. */
        boolean overHttps(boolean secure, String peer, String forwardedProto) {
            return forced
                    || secure
                    || (forwardedProto != null
                            && trustedProxies.contains(peer)
                            && forwardedProto.split(",")[0].strip().equalsIgnoreCase("https"));
        }
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (settings().forced()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }

    static Settings settings() {
        Settings s = settings;
        if (s == null) {
            s = Settings.read(ConfigProvider.getConfig());
            settings = s;
        }
        return s;
    }

    /** Whether this request came over HTTPS (see the class comment). */
    public static boolean overHttps(HttpServletRequest request) {
        return settings()
                .overHttps(request.isSecure(), request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto"));
    }

    /** Whether the container marks the session cookie {@code Secure} itself (TLS to Payara, or {@code TP_HTTPS}). */
    static boolean containerSecuresCookies(HttpServletRequest request) {
        return request.isSecure() || settings().forced();
    }
}
