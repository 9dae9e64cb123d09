package org.talentpipeline.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a sign-in comes from, for its throttle. By default the connection's peer: a client
 * can write any {@code X-Forwarded-For} it likes. Only when the peer is one of the proxies listed in
 * {@code TP_TRUSTED_PROXIES} (exact addresses, comma-separated) is the header believed, read from
 * the right, skipping the listed proxies: the first address no listed proxy added is the client.
 * IPv6 clients are counted by their /64, which one subscriber usually holds whole.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    @Inject
    @ConfigProperty(name = "TP_TRUSTED_PROXIES", defaultValue = " ")
    String trustedSetting;

    private Set<String> trusted;

    @PostConstruct
    void init() {
        trusted = parse(trustedSetting);
    }

    static Set<String> parse(String setting) {
        return Arrays.stream(setting == null ? new String[0] : setting.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted);
    }

    static String of(String peer, String forwardedFor, Set<String> trusted) {
        if (forwardedFor == null || !trusted.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!LITERAL.matcher(hop).matches()) {
                // a hop we cannot read: stop at the last address we can vouch for
                return peer;
            }
            if (!trusted.contains(hop)) {
                return hop;
            }
            peer = hop;
        }
        return peer;
    }

    /** The throttle's key for an address: itself for IPv4, its /64 for IPv6. */
    static String throttleKey(String address) {
        if (address == null || !address.contains(":") || !LITERAL.matcher(address).matches()) {
            return address == null ? "" : address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
