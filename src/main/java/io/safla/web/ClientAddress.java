package io.safla.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Collections;
import java.util.Enumeration;
import org.jspecify.annotations.Nullable;

/**
 * The visitor's address, for the rate limits: the one place that decides it (Tomcat's forwarded-header handling is
 * off, {@code server.forward-headers-strategy=none}, so {@code getRemoteAddr()} is always the TCP peer).
 *
 * <p>Behind a trusted proxy (a Space, or {@code safla.ratelimit.trust-forwarded-for}) exactly one hop is trusted:
 * the proxy appends the address it saw as the <em>last</em> entry of {@code X-Forwarded-For} (over all such headers
 * in order), and everything before it was written by the client and is ignored. A last entry that is not an IP
 * literal means no trusted proxy wrote it, so the TCP peer is used. IPv6 addresses are keyed by their /64 prefix,
 * since one subscriber holds a whole /64 and could otherwise pick a fresh address per request.
 */
final class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private ClientAddress() {}

    static String of(HttpServletRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String last = lastEntry(request.getHeaders(FORWARDED_FOR));
            String parsed = last == null ? null : key(last);
            if (parsed != null) {
                return parsed;
            }
        }
        String peer = key(request.getRemoteAddr());
        return peer != null ? peer : String.valueOf(request.getRemoteAddr());
    }

    private static @Nullable String lastEntry(@Nullable Enumeration<String> headers) {
        if (headers == null) {
            return null;
        }
        String last = null;
        for (String header : Collections.list(headers)) {
            last = header;
        }
        if (last == null) {
            return null;
        }
        int comma = last.lastIndexOf(',');
        return last.substring(comma + 1).strip();
    }

    /** The rate-limit key for an address literal (normalised; IPv6 as its /64), or null if it is not one. */
    static @Nullable String key(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String literal = value.strip();
        if (literal.startsWith("[")) {
            int close = literal.indexOf(']');
            if (close < 0) {
                return null;
            }
            literal = literal.substring(1, close);
        } else if (literal.indexOf(':') > 0 && literal.indexOf(':') == literal.lastIndexOf(':')) {
            literal = literal.substring(0, literal.indexOf(':')); // IPv4 with a port
        }
        if (literal.isEmpty() || literal.length() > 45 || !literal.chars().allMatch(ClientAddress::literalChar)) {
            return null;
        }
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(literal);
        } catch (IllegalArgumentException notALiteral) {
            return null;
        }
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            } catch (java.net.UnknownHostException impossible) {
                return null;
            }
        }
        return address.getHostAddress();
    }

    private static boolean literalChar(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
    }
}
