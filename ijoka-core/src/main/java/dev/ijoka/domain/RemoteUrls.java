package dev.ijoka.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes a git remote URL into the text that names its repository on every machine:
 * {@code host/path}, with the host in lower case and the path's case kept, and without scheme, user,
 * password or token, port, {@code .git} suffix or trailing slash. So the ssh and https spellings of one
 * repository are equal: {@code git@github.com:acme/shop.git}, {@code ssh://git@github.com/acme/shop},
 * {@code https://github.com/acme/shop.git} and {@code https://user:token@github.com/acme/shop/} are
 * all {@code github.com/acme/shop}.
 *
 * <p>The port is dropped because a server's ssh and https ports differ for one repository. A local
 * path or {@code file:} URL names a directory of one machine, not a repository every machine reaches,
 * so it has no normalized form; neither has anything that is not a URL.
 */
public final class RemoteUrls {

    /** {@code scheme://[user[:password]@]host[:port][/path]}. */
    private static final Pattern URL = Pattern.compile(
            "(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?:(?<user>[^@/]*)@)?(?<host>\\[[^\\]/]*\\]|[^:/@]*)(?::(?<port>[^/]*))?(?<path>/.*)?");
    /** git's scp-like syntax {@code [user@]host:path}: no slash before the first colon. */
    private static final Pattern SCP = Pattern.compile("(?:(?<user>[^@/:]*)@)?(?<host>\\[[^\\]/]*\\]|[^:/@]+):(?<path>.*)");
    private static final Pattern HOST = Pattern.compile("\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._~%-]+");

    private RemoteUrls() {}

    /** The normalized form of a remote URL, or empty when it names no repository reachable from other machines. */
    public static Optional<String> normalize(String remote) {
        String url = remote.strip();
        if (url.isEmpty() || url.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ' ')) {
            return Optional.empty();
        }
        Matcher m = URL.matcher(url);
        if (m.matches()) {
            String scheme = m.group("scheme").toLowerCase(Locale.ROOT);
            if (scheme.equals("file")) {
                return Optional.empty();
            }
            String path = m.group("path");
            return join(m.group("host"), path == null ? "" : path);
        }
        if (url.contains("://")) {
            return Optional.empty();
        }
        Matcher scp = SCP.matcher(url);
        // A one-letter "host" is a Windows drive (C:\repo), which git reads as a local path too.
        if (scp.matches() && scp.group("host").length() > 1) {
            return join(scp.group("host"), scp.group("path"));
        }
        return Optional.empty();
    }

    private static Optional<String> join(String host, String rawPath) {
        if (!HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        String path = stripQueryAndFragment(rawPath);
        path = trim(path, '/');
        if (path.endsWith(".git")) {
            path = trim(path.substring(0, path.length() - ".git".length()), '/');
        }
        if (path.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(host.toLowerCase(Locale.ROOT) + "/" + path);
    }

    private static String stripQueryAndFragment(String path) {
        int cut = path.length();
        for (char c : new char[] {'?', '#'}) {
            int at = path.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return path.substring(0, cut);
    }

    private static String trim(String s, char c) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == c) {
            from++;
        }
        while (to > from && s.charAt(to - 1) == c) {
            to--;
        }
        return s.substring(from, to);
    }
}
