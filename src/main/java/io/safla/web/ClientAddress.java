package io.safla.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The API visitor's address. {@code X-Forwarded-For} is read only behind a trusted proxy (a Space), and then its
 * last entry: the one the proxy itself appended. Earlier entries come from the client and could be forged.
 */
final class ClientAddress {

    private ClientAddress() {}

    static String of(HttpServletRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        return request.getRemoteAddr();
    }
}
