package dev.ijoka.swing.internal.link;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An {@code ijoka://} link, as the desktop (a browser, a terminal, another launch) hands it over:
 * <ul>
 *   <li>{@code ijoka://open-project?path=/home/me/code/shop} opens the project of that folder (the path is
 *       percent-decoded and must be absolute);</li>
 *   <li>{@code ijoka://feature/<project>/<number or id>} opens a feature: the project by id or name, the feature
 *       by its number ({@code 12} or {@code %2312}) or id.</li>
 * </ul>
 * {@link #parse} is strict and total: anything else is a {@link MalformedLinkException} whose message shows a good
 * link. Whether the project or feature exists is for {@link DeepLinks} to say.
 */
public sealed interface DeepLink {

    /** Longer input is refused unread: no real link comes near it. */
    int MAX_LENGTH = 4096;

    /** The tail of every parse error's message. */
    String GOOD_LINKS = "A link looks like ijoka://open-project?path=/absolute/folder (percent-encoded) "
            + "or ijoka://feature/<project>/<number or id>";

    /** Opens the project of a folder. */
    record OpenProject(Path path) implements DeepLink {
        public OpenProject {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Opens a feature: {@code project} is a project's id or name, {@code feature} a number or a feature id. */
    record OpenFeature(String project, String feature) implements DeepLink {
        public OpenFeature {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(feature, "feature");
        }
    }

    /**
     * Reads a link.
     *
     * @throws MalformedLinkException if it is not one of the two forms above; never anything else
     */
    static DeepLink parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_LENGTH) {
            throw new MalformedLinkException("The link is " + text.length() + " characters long, more than the "
                    + MAX_LENGTH + " a link may have");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new MalformedLinkException("The link holds a space or control character at position " + (i + 1)
                        + "; percent-encode it");
            }
        }
        String scheme = "ijoka://";
        if (!text.regionMatches(true, 0, scheme, 0, scheme.length())) {
            throw new MalformedLinkException("'" + shorten(text) + "' is not an ijoka:// link");
        }
        String rest = text.substring(scheme.length());
        if (rest.indexOf('#') >= 0) {
            throw new MalformedLinkException("The link has a fragment ('#'); write a feature number as 12 or %2312");
        }
        int end = firstOf(rest, "/?");
        String host = rest.substring(0, end).toLowerCase(Locale.ROOT);
        String tail = rest.substring(end);
        return switch (host) {
            case "open-project" -> openProject(tail);
            case "feature" -> openFeature(tail);
            case "" -> throw new MalformedLinkException("The link names no action after ijoka://");
            default -> throw new MalformedLinkException("Unknown link action '" + shorten(host)
                    + "': use open-project or feature");
        };
    }

    private static DeepLink openProject(String tail) {
        // "ijoka://open-project/?path=…" is what some tools make of it: the empty path is allowed.
        String query = tail.startsWith("/?") ? tail.substring(2) : tail.startsWith("?") ? tail.substring(1) : null;
        if (query == null) {
            throw new MalformedLinkException(tail.isEmpty()
                    ? "The open-project link is missing ?path=<folder>"
                    : "The open-project link has a path; put the folder in ?path=<folder>");
        }
        List<String> parameters = List.of(query.split("&", -1));
        if (parameters.size() != 1 || !parameters.getFirst().startsWith("path=")) {
            throw new MalformedLinkException("The open-project link takes exactly one parameter, path=<folder>");
        }
        String folder = decode(parameters.getFirst().substring("path=".length()), "path");
        if (folder.isEmpty()) {
            throw new MalformedLinkException("The open-project link's path is empty");
        }
        Path path;
        try {
            path = Path.of(folder);
        } catch (InvalidPathException e) {
            throw new MalformedLinkException("The open-project link's path is not a valid path (" + e.getReason() + ")");
        }
        if (!path.isAbsolute()) {
            throw new MalformedLinkException("The open-project link's path '" + shorten(folder)
                    + "' is relative; give the absolute folder");
        }
        return new OpenProject(path.normalize());
    }

    private static DeepLink openFeature(String tail) {
        if (tail.indexOf('?') >= 0) {
            throw new MalformedLinkException("The feature link takes no parameters");
        }
        if (!tail.startsWith("/")) {
            throw new MalformedLinkException("The feature link is missing /<project>/<number or id>");
        }
        String[] segments = tail.substring(1).split("/", -1);
        if (segments.length < 2) {
            throw new MalformedLinkException("The feature link is missing the feature after the project");
        }
        if (segments.length > 2) {
            throw new MalformedLinkException("The feature link has " + segments.length
                    + " parts after feature/, and takes two");
        }
        String project = decode(segments[0], "project").strip();
        String feature = decode(segments[1], "feature").strip();
        if (project.isEmpty()) {
            throw new MalformedLinkException("The feature link's project is empty");
        }
        if (feature.isEmpty()) {
            throw new MalformedLinkException("The feature link's feature is empty");
        }
        return new OpenFeature(project, feature);
    }

    /** Strict percent-decoding: every '%' starts two hex digits, and the bytes are UTF-8. '+' stays '+'. */
    private static String decode(String encoded, String part) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        byte[] bytes = new byte[encoded.length() * 3];
        int n = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int hi = i + 1 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int lo = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new MalformedLinkException("The link's " + part + " has a bad percent-encoding at '"
                            + shorten(encoded.substring(i)) + "': '%' is followed by two hex digits");
                }
                bytes[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(utf8, 0, bytes, n, utf8.length);
                n += utf8.length;
            }
        }
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n))
                    .toString();
            if (decoded.chars().anyMatch(ch -> ch < ' ' || ch == 0x7f)) {
                throw new MalformedLinkException("The link's " + part + " decodes to a control character");
            }
            return decoded;
        } catch (CharacterCodingException e) {
            throw new MalformedLinkException("The link's " + part + " is percent-encoded bytes that are not UTF-8");
        }
    }

    private static int firstOf(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** Quotes of user input stay short, so a message stays readable. */
    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
