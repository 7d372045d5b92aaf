package dev.ijoka.web.internal.pages;

import dev.ijoka.web.internal.http.Exchanges;
import dev.ijoka.web.internal.http.HttpError;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Serves files from the class path: the dashboard's own /static files and the webjars. Files are read
 * once and kept in memory (they are small and few); each answer carries an ETag so a revalidating
 * browser gets a 304. Webjar URLs carry their version, so they are cached for a year.
 */
public final class ClasspathFiles implements HttpHandler {

    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "map", "application/json; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "woff2", "font/woff2");

    private record File(byte[] bytes, String type, String etag) {}

    private final String urlPrefix;
    private final Function<String, @Nullable String> resolve;
    private final String cacheControl;
    private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();

    /**
     * @param urlPrefix e.g. {@code /static/}
     * @param resolve the class path resource for the rest of the URL path, or null when there is none
     */
    public ClasspathFiles(String urlPrefix, Function<String, @Nullable String> resolve, String cacheControl) {
        this.urlPrefix = urlPrefix;
        this.resolve = resolve;
        this.cacheControl = cacheControl;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        String rest = path.startsWith(urlPrefix) ? path.substring(urlPrefix.length()) : "";
        Optional<File> file = rest.isEmpty() || rest.contains("..") || rest.contains("\\") ? Optional.empty()
                : cache.computeIfAbsent(rest, this::load);
        if (file.isEmpty()) {
            Exchanges.sendError(exchange, HttpError.notFound("there is no file " + path));
            return;
        }
        File f = file.get();
        exchange.getResponseHeaders().put(Headers.ETAG, f.etag());
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, cacheControl);
        String ifNoneMatch = exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH);
        if (f.etag().equals(ifNoneMatch)) {
            exchange.setStatusCode(304);
            exchange.endExchange();
            return;
        }
        Exchanges.send(exchange, 200, f.type(), f.bytes());
    }

    private Optional<File> load(String rest) {
        String resource = resolve.apply(rest);
        if (resource == null) {
            return Optional.empty();
        }
        try (InputStream in = ClasspathFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new File(bytes, type(rest), etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource + " from the class path failed", e);
        }
    }

    private static String type(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
