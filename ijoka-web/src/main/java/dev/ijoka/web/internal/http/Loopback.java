package dev.ijoka.web.internal.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which {@code Host} headers and origins this server answers to: the loopback names with its port,
 * and the address it is bound to when that is an IP literal (a literal cannot be rebound by DNS).
 * A name such as {@code evil.example} that resolves to 127.0.0.1 is exactly what DNS rebinding
 * looks like, so it is refused even though the connection came in on loopback.
 */
public final class Loopback {

    private final int port;
    private final Set<String> hosts;

    public Loopback(String bindHost, int port) {
        this.port = port;
        Set<String> names = new LinkedHashSet<>();
        names.add("localhost:" + port);
        names.add("127.0.0.1:" + port);
        names.add("[::1]:" + port);
        String literal = literal(bindHost);
        if (literal != null) {
            names.add(literal + ":" + port);
        }
        this.hosts = Set.copyOf(names);
    }

    /** Whether a host is a loopback name or address (what {@code --host} should be). */
    public static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        String literal = literal(h);
        if (literal == null) {
            return false;
        }
        try {
            return InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The host as it appears in a URL ({@code [::1]} for IPv6), if it is an IP literal; else null. */
    static @Nullable String literal(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return h;
        }
        String bare = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        if (bare.contains(":") && bare.matches("[0-9a-f:.]+")) {
            return "[" + bare + "]";
        }
        return null;
    }

    /** Whether a {@code Host} header names this server. */
    public boolean acceptsHost(@Nullable String hostHeader) {
        return hostHeader != null && hosts.contains(hostHeader.strip().toLowerCase(Locale.ROOT));
    }

    /** The origin a page served under {@code hostHeader} has: {@code http://localhost:4000}. */
    public static String originOf(String hostHeader) {
        return "http://" + hostHeader.strip().toLowerCase(Locale.ROOT);
    }

    public int port() {
        return port;
    }

    public Set<String> hosts() {
        return hosts;
    }
}
