package org.talentpipeline.platform;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The reverse proxies and load balancers in front of the application ({@code TP_TRUSTED_PROXIES},
 * exact addresses, comma-separated; by default the loopback addresses, a proxy on the same host).
 * Only a request from one of them has its {@code X-Forwarded-For} (the client's address, which
 * sign-in throttling counts) and {@code X-Forwarded-Proto} (HTTPS, for HSTS and {@code Secure}
 * cookies) believed: anyone else can write those headers.
 */
public final class TrustedProxies {

    static final String DEFAULT = "127.0.0.1,::1,0:0:0:0:0:0:0:1";

    private static volatile Set<String> addresses;

    private TrustedProxies() {}

    /** The configured addresses, read once. */
    public static Set<String> addresses() {
        Set<String> a = addresses;
        if (a == null) {
            a = parse(ConfigProvider.getConfig()
                    .getOptionalValue("TP_TRUSTED_PROXIES", String.class)
                    .orElse(DEFAULT));
            addresses = a;
        }
        return a;
    }

    public static Set<String> parse(String setting) {
        return Arrays.stream(setting == null ? new String[0] : setting.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
