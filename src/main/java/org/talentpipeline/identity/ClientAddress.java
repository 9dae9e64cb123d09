package org.talentpipeline.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import org.talentpipeline.platform.TrustedProxies;

/**
 * The address a sign-in comes from, for its throttle. By default the connection's peer: a client
 * can write any {@code X-Forwarded-For} it likes. Only when the peer is a trusted proxy
 * ({@link TrustedProxies}) is the header believed, read from the right, skipping the trusted
 * proxies: the first address no trusted proxy added is the client.
 * IPv6 clients are counted by their /64, which one subscriber usually holds whole.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), TrustedProxies.addresses());
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
        if (address == null
                || !address.contains(":")
                || !LITERAL.matcher(address).matches()) {
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
