package dev.ijoka.store.postgres;

import dev.ijoka.api.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The password file a run names ({@code ijoka --db-password-file FILE} or {@code $IJOKA_DB_PASSWORD_FILE}),
 * which the command line passes here as the system property {@value #PROPERTY} (the file's path, never the
 * password). Read once per process; a trailing newline is not part of the password. Like ssh with a key,
 * a file that anyone but its owner may read or write is refused: the secret would not be one.
 */
final class PasswordFile {

    /** The system property holding the password file's absolute path. */
    static final String PROPERTY = "ijoka.db.passwordFile";

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private static final Map<Path, String> READ = new ConcurrentHashMap<>();

    private PasswordFile() {}

    /**
     * The password in the file {@value #PROPERTY} names, or null when it names none.
     *
     * @throws StoreException if the file cannot be read, is empty, or others may read or write it
     */
    static @Nullable String password() {
        String named = System.getProperty(PROPERTY);
        if (named == null || named.isBlank()) {
            return null;
        }
        return READ.computeIfAbsent(Path.of(named).toAbsolutePath(), PasswordFile::read);
    }

    private static String read(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(permissions)) {
                    throw new StoreException("the password file " + file + " may be read or written by others (permissions "
                            + PosixFilePermissions.toString(permissions) + "): run chmod 600 " + file
                            + ". Like ssh with a key, Ijoka uses a secret file only when its owner alone can read it.");
                }
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String password = text.replaceAll("[\r\n]+$", "");
            if (password.isEmpty()) {
                throw new StoreException("the password file " + file + " is empty: write the password in it (one line)");
            }
            return password;
        } catch (IOException e) {
            throw new StoreException("could not read the password file " + file + " (" + e.getClass().getSimpleName()
                    + "): check the path given by --db-password-file or IJOKA_DB_PASSWORD_FILE", e);
        }
    }
}
