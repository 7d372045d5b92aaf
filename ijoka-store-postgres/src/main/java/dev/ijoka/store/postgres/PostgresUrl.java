package dev.ijoka.store.postgres;

import dev.ijoka.api.StoreException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A {@code jdbc:postgresql://host[:port]/database[?name=value&…]} URL, split into what names the store
 * and the password, which never leaves this record except to the driver.
 *
 * @param host the host in lower case ({@code localhost} when the URL has none)
 * @param parameters every parameter but the secret ones, sorted by name
 */
record PostgresUrl(String host, int port, String database, Map<String, String> parameters, @Nullable String password) {

    static final String PREFIX = "jdbc:postgresql:";
    static final int DEFAULT_PORT = 5432;

    /** Parameters that carry secrets: dropped from every spelling of the URL. */
    private static final Set<String> SECRET = Set.of("password", "sslpassword");

    static PostgresUrl parse(String url) {
        if (!url.startsWith(PREFIX + "//")) {
            throw invalid(url, "it must start with jdbc:postgresql://");
        }
        String rest = url.substring((PREFIX + "//").length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            throw invalid(url, "it names no database (write jdbc:postgresql://host:5432/ijoka)");
        }
        String authority = rest.substring(0, slash);
        String database = decode(rest.substring(slash + 1));
        if (authority.contains(",")) {
            throw invalid(url, "Ijoka connects to one server; name one host");
        }
        if (authority.contains("@")) {
            throw invalid(url, "write the user as ?user=NAME, not NAME@host");
        }
        String host = authority;
        int port = DEFAULT_PORT;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && colon > authority.lastIndexOf(']')) {
            host = authority.substring(0, colon);
            try {
                port = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw invalid(url, "the port is not a number");
            }
        }
        host = host.isEmpty() ? "localhost" : host.toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new TreeMap<>();
        String password = null;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name.equals("password")) {
                password = value;
            } else if (!SECRET.contains(name)) {
                parameters.put(name, value);
            }
        }
        return new PostgresUrl(host, port, database, Collections.unmodifiableMap(parameters), password);
    }

    /** The store's one spelling, without secrets: what every face and message shows. */
    String canonical() {
        return withoutSecrets();
    }

    /** Where the store is, for messages: no parameters, no secrets. */
    String describe() {
        return "the PostgreSQL database " + database + " at " + host + ":" + port;
    }

    /** What the driver is given; the password goes to it separately. */
    String withoutSecrets() {
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return PREFIX + "//" + host + ":" + port + "/" + encode(database) + (query.isEmpty() ? "" : "?" + query);
    }

    @Override
    public String toString() {
        return canonical();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static StoreException invalid(String url, String why) {
        // The URL as written may hold a password: name only its beginning.
        return new StoreException("cannot use the PostgreSQL URL: " + why + ".");
    }
}
