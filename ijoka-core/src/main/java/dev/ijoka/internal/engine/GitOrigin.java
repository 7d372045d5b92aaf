package dev.ijoka.internal.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the URL of a checkout's {@code origin} remote from its git directory's {@code config} file,
 * as {@link ProjectRoots} reads the worktree files: without running git, so that opening a project
 * costs no process. A root whose {@code .git} is a directory keeps its config there; a submodule's
 * {@code .git} file names its git directory.
 *
 * <p>What it does not follow: {@code include} files and {@code url.<base>.insteadOf} rewrites. A
 * checkout whose origin lives there (or that has no {@code origin}) is linked to its project by hand
 * ({@code Projects.link}). Anything unreadable is unknown: empty, never a guess.
 */
final class GitOrigin {

    private static final String REMOTE = "origin";

    private GitOrigin() {}

    static Optional<String> url(Path root) {
        Path gitDir = gitDir(root);
        if (gitDir == null) {
            return Optional.empty();
        }
        try {
            return remoteUrl(Files.readString(gitDir.resolve("config")), REMOTE);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the root is a git checkout: it has a {@code .git} directory or a {@code .git} file naming one. */
    static boolean isCheckout(Path root) {
        return gitDir(root) != null;
    }

    private static @Nullable Path gitDir(Path root) {
        Path dotGit = root.resolve(".git");
        if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
            return dotGit;
        }
        if (!Files.isRegularFile(dotGit)) {
            return null;
        }
        try {
            String content = Files.readString(dotGit).strip();
            if (!content.startsWith("gitdir:")) {
                return null;
            }
            Path dir = root.resolve(content.substring("gitdir:".length()).strip()).normalize();
            // A linked worktree's git directory shares the main repository's config through commondir.
            Path commonDir = dir.resolve("commondir");
            if (Files.isRegularFile(commonDir)) {
                dir = dir.resolve(Files.readString(commonDir).strip()).normalize();
            }
            return Files.isDirectory(dir) ? dir : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The first {@code url} of {@code [remote "<name>"]} in a git config file's text. */
    static Optional<String> remoteUrl(String config, String remote) {
        boolean inRemote = false;
        for (String raw : config.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                inRemote = isRemoteSection(line, remote);
                line = line.substring(line.indexOf(']') + 1).strip(); // a key may follow the header on its line
                if (line.isEmpty()) {
                    continue;
                }
            }
            if (!inRemote || line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            if (line.substring(0, eq).strip().equalsIgnoreCase("url")) {
                String value = value(line.substring(eq + 1));
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static boolean isRemoteSection(String header, String remote) {
        int close = header.indexOf(']');
        if (close < 0) {
            return false;
        }
        String inside = header.substring(1, close).strip();
        int quote = inside.indexOf('"');
        if (quote >= 0) { // [remote "origin"]: the section name is case-insensitive, the subsection is not
            String section = inside.substring(0, quote).strip();
            String sub = inside.substring(quote + 1, inside.lastIndexOf('"') > quote ? inside.lastIndexOf('"') : inside.length());
            return section.equalsIgnoreCase("remote") && sub.replace("\\\"", "\"").replace("\\\\", "\\").equals(remote);
        }
        // The old spelling [remote.origin], whose subsection git reads in lower case.
        return inside.toLowerCase(Locale.ROOT).equals("remote." + remote.toLowerCase(Locale.ROOT));
    }

    /** A config value: quotes removed, escapes read, a comment outside quotes cut off. */
    private static String value(String raw) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'b' -> '\b';
                    default -> next;
                });
            } else if (!quoted && (c == '#' || c == ';')) {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
