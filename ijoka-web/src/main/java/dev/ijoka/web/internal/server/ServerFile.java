package dev.ijoka.web.internal.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code <data dir>/server.json}: how other local Ijoka processes find the running server (its URL
 * and the token they need to change anything). It holds a secret, so it is created readable and
 * writable by its owner alone (mode 600) before the secret is written into it, and replaced
 * atomically so no reader sees half a file. Removed on a clean shutdown, if it is still this
 * server's.
 */
public final class ServerFile {

    public static final String NAME = "server.json";
    private static final Logger LOG = LoggerFactory.getLogger(ServerFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;
    private final String token;

    private ServerFile(Path path, String token) {
        this.path = path;
        this.token = token;
    }

    public static ServerFile write(Path dataDirectory, String url, int port, String token) throws IOException {
        Files.createDirectories(dataDirectory);
        Path target = dataDirectory.resolve(NAME);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("port", port);
        m.put("token", token);
        m.put("pid", ProcessHandle.current().pid());
        m.put("startedAt", Instant.now().toString());
        byte[] bytes = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
        Path temp = dataDirectory.resolve(NAME + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(temp);
        createOwnerOnly(temp);
        Files.write(temp, bytes);
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return new ServerFile(target, token);
    }

    /** Creates an empty file only its owner may read, on POSIX file systems and (as near as it gets) elsewhere. */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException exists) {
                // made by a concurrent attempt of this same process: fine
            }
            var f = file.toFile();
            boolean ok = f.setReadable(false, false) & f.setReadable(true, true)
                    & f.setWritable(false, false) & f.setWritable(true, true);
            if (!ok) {
                LOG.warn("could not restrict {} to its owner: the file system does not support it", file);
            }
        }
    }

    public Path path() {
        return path;
    }

    /** Deletes the file unless another server has replaced it since. */
    public void remove() {
        try {
            if (Files.exists(path) && Files.readString(path, StandardCharsets.UTF_8).contains("\"" + token + "\"")) {
                Files.delete(path);
            }
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", path, e.toString());
        }
    }
}
