package dev.ijoka.app.update;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the release feed says about the latest release:
 *
 * <pre>{@code
 * {"version": "0.2.0",
 *  "changes": "Installer with its own runtime; update notices.",
 *  "url": "https://github.com/ijoka/ijoka/releases/tag/v0.2.0",
 *  "downloads": {"deb": {"url": "https://.../ijoka_0.2.0_amd64.deb", "sha256": "<64 hex digits>"},
 *                "dmg": {...}, "pkg": {...}, "msi": {...}}}
 * }</pre>
 *
 * {@code changes} and {@code downloads} may be missing; anything else malformed is refused whole.
 */
public record ReleaseFeed(ReleaseVersion version, String changes, URI page, Map<String, Download> downloads) {

    /** One package of the release: where it is, and the SHA-256 (hex) it must have. */
    public record Download(URI url, String sha256) {
        public Download {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** The feed is not what it should be; the message says what is wrong. */
    public static final class MalformedFeedException extends Exception {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        MalformedFeedException(String message) {
            super(message);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    /** A feed is a few hundred bytes; anything much bigger is not one. */
    static final int MAX_BYTES = 64 * 1024;

    public ReleaseFeed {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(page, "page");
        downloads = Map.copyOf(downloads);
    }

    public static ReleaseFeed parse(String json) throws MalformedFeedException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedFeedException("the feed is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedFeedException("the feed is not a JSON object");
        }
        ReleaseVersion version;
        try {
            version = ReleaseVersion.parse(text(root, "version"));
        } catch (IllegalArgumentException e) {
            throw new MalformedFeedException("the feed's version: " + e.getMessage());
        }
        String changes = root.path("changes").isString() ? root.path("changes").asString().strip() : "";
        URI page = uri(text(root, "url"), "url");
        Map<String, Download> downloads = new LinkedHashMap<>();
        JsonNode all = root.path("downloads");
        if (!all.isMissingNode() && !all.isObject()) {
            throw new MalformedFeedException("the feed's downloads is not an object");
        }
        for (Map.Entry<String, JsonNode> d : all.properties()) {
            String sha = text(d.getValue(), "sha256");
            if (!SHA256.matcher(sha).matches()) {
                throw new MalformedFeedException("the feed's " + d.getKey() + " download has no SHA-256 of 64 hex digits");
            }
            downloads.put(d.getKey(), new Download(uri(text(d.getValue(), "url"), d.getKey() + " url"), sha.toLowerCase()));
        }
        return new ReleaseFeed(version, changes, page, downloads);
    }

    /** The package for this system ({@code deb}, {@code dmg}, {@code msi}...), if the release has one. */
    public Optional<Download> download(String kind) {
        return Optional.ofNullable(downloads.get(kind));
    }

    private static String text(JsonNode node, String field) throws MalformedFeedException {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new MalformedFeedException("the feed has no " + field);
        }
        return value.asString();
    }

    private static URI uri(String text, String what) throws MalformedFeedException {
        try {
            URI uri = new URI(text);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new MalformedFeedException("the feed's " + what + " is not an http(s) address: " + text);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new MalformedFeedException("the feed's " + what + " is not an address: " + text);
        }
    }
}
