package dev.ijoka.swing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code ijoka desktop --register} on Linux: makes {@code ijoka://} links open the desktop app. Writes
 * {@code $XDG_DATA_HOME/applications/ijoka.desktop} (default {@code ~/.local/share}) with
 * {@code MimeType=x-scheme-handler/ijoka;} and {@code Exec=<launcher> desktop %u}, then makes it the scheme's
 * default: with {@code xdg-mime default ijoka.desktop x-scheme-handler/ijoka} when {@code xdg-mime} is on the
 * PATH, else by writing the {@code [Default Applications]} entry of {@code $XDG_CONFIG_HOME/mimeapps.list}
 * (default {@code ~/.config}) itself, keeping every other line. Running it again changes nothing.
 *
 * <pre>{@code
 * SchemeRegistration.Result done = SchemeRegistration.register(SchemeRegistration.currentLauncher());
 * out.println(done.summary());
 * }</pre>
 */
public final class SchemeRegistration {

    /** The desktop entry's file name, which mimeapps.list and xdg-mime name. */
    public static final String DESKTOP_FILE = "ijoka.desktop";
    public static final String MIME_TYPE = "x-scheme-handler/ijoka";

    /**
     * What was done.
     *
     * @param desktopFile the desktop entry written
     * @param changed false when everything was already registered this way
     * @param how how the scheme's default was set, in words
     */
    public record Result(Path desktopFile, boolean changed, String how) {
        /** One line for the user. */
        public String summary() {
            return (changed ? "Registered ijoka:// links: " : "ijoka:// links were already registered: ")
                    + desktopFile + ", default set " + how + ".";
        }
    }

    private SchemeRegistration() {}

    /**
     * Registers the scheme for this user, in this process's environment.
     *
     * @param launcher the command that starts Ijoka, e.g. {@code [/usr/bin/ijoka]}; {@code desktop %u} is added
     * @throws UnsupportedOperationException on systems other than Linux (and other freedesktop.org desktops)
     * @throws UncheckedIOException if a file cannot be written or xdg-mime fails
     */
    public static Result register(List<String> launcher) {
        String os = System.getProperty("os.name", "");
        if (os.startsWith("Windows") || os.startsWith("Mac")) {
            throw new UnsupportedOperationException("--register writes a freedesktop.org .desktop file, for Linux; on "
                    + os + " the installer registers ijoka:// links");
        }
        return register(launcher, System.getenv(), Path.of(System.getProperty("user.home")), onPath("xdg-mime"));
    }

    /**
     * The rule itself, with its inputs passed in, for tests.
     *
     * @param env the environment: {@code XDG_DATA_HOME}, {@code XDG_CONFIG_HOME}, also handed to xdg-mime
     * @param xdgMime the xdg-mime program, or {@code null} to write mimeapps.list here
     */
    public static Result register(List<String> launcher, Map<String, String> env, Path home, @Nullable Path xdgMime) {
        Objects.requireNonNull(launcher, "launcher");
        if (launcher.isEmpty() || launcher.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("the launcher must be a command, e.g. [/usr/bin/ijoka], got " + launcher);
        }
        Path dataHome = xdgDirectory(env, "XDG_DATA_HOME", home.resolve(".local/share"));
        Path configHome = xdgDirectory(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path desktopFile = dataHome.resolve("applications").resolve(DESKTOP_FILE);
        try {
            boolean changed = writeIfDifferent(desktopFile, desktopEntry(launcher));
            if (xdgMime != null) {
                changed |= !isDefault(xdgMime, env);
                if (changed) {
                    run(env, xdgMime.toString(), "default", DESKTOP_FILE, MIME_TYPE);
                }
                return new Result(desktopFile, changed, "with xdg-mime (" + xdgMime + ")");
            }
            Path mimeapps = configHome.resolve("mimeapps.list");
            changed |= writeIfDifferent(mimeapps, withDefault(Files.exists(mimeapps)
                    ? Files.readString(mimeapps, StandardCharsets.UTF_8) : ""));
            return new Result(desktopFile, changed, "in " + mimeapps + " (xdg-mime is not installed)");
        } catch (IOException e) {
            throw new UncheckedIOException("registering ijoka:// links failed: " + e.getMessage(), e);
        }
    }

    /**
     * The command that started this process, best known: {@code $IJOKA_LAUNCHER} (a launcher script sets it to
     * itself), else a jpackage launcher ({@code jpackage.app-path}), else this Java running this jar.
     *
     * @throws IllegalStateException when none is known (run from classes, not a jar): pass the launcher instead
     */
    public static List<String> currentLauncher() {
        String script = System.getenv("IJOKA_LAUNCHER");
        if (script != null && !script.isBlank() && Path.of(script).isAbsolute()) {
            return List.of(script);
        }
        String app = System.getProperty("jpackage.app-path");
        if (app != null && !app.isBlank()) {
            return List.of(app);
        }
        try {
            Path jar = Path.of(SchemeRegistration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(jar) && jar.toString().endsWith(".jar")) {
                return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                        jar.toAbsolutePath().toString());
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // Falls through to the message below.
        }
        throw new IllegalStateException("cannot tell which command started Ijoka (not a jar, not a jpackage launcher); "
                + "run --register from the installed ijoka");
    }

    /** The desktop entry: a hidden launcher entry that only handles the scheme (NoDisplay: no second menu item). */
    static String desktopEntry(List<String> launcher) {
        String exec = launcher.stream().map(SchemeRegistration::execArgument).collect(Collectors.joining(" "))
                + " desktop %u";
        return """
                [Desktop Entry]
                Type=Application
                Name=Ijoka
                Comment=Plan and steer coding agents' work
                Exec=%s
                Terminal=false
                NoDisplay=true
                Categories=Development;
                MimeType=%s;
                """.formatted(exec, MIME_TYPE);
    }

    /**
     * One argument of an Exec key, quoted by the Desktop Entry Specification: reserved characters inside double
     * quotes, with {@code " ` $ \} escaped; then the string type's own escaping doubles each backslash; a
     * literal {@code %} is {@code %%}.
     */
    static String execArgument(String argument) {
        String escaped = argument.replace("%", "%%");
        if (escaped.chars().noneMatch(c -> " \t\n\"'\\><~|&;$*?#()`".indexOf(c) >= 0)) {
            return escaped;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : escaped.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString().replace("\\", "\\\\");
    }

    /** mimeapps.list with this app as the scheme's default, every other line as it was. */
    static String withDefault(String mimeapps) {
        String entry = MIME_TYPE + "=" + DESKTOP_FILE;
        List<String> lines = new ArrayList<>(mimeapps.lines().toList());
        int section = lines.indexOf("[Default Applications]");
        if (section < 0) {
            if (!lines.isEmpty() && !lines.getLast().isBlank()) {
                lines.add("");
            }
            lines.add("[Default Applications]");
            lines.add(entry);
        } else {
            int end = section + 1;
            while (end < lines.size() && !lines.get(end).startsWith("[")) {
                end++;
            }
            boolean replaced = false;
            for (int i = section + 1; i < end; i++) {
                if (lines.get(i).startsWith(MIME_TYPE + "=")) {
                    lines.set(i, entry);
                    replaced = true;
                }
            }
            if (!replaced) {
                lines.add(section + 1, entry);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static boolean isDefault(Path xdgMime, Map<String, String> env) throws IOException {
        return run(env, xdgMime.toString(), "query", "default", MIME_TYPE).strip().equals(DESKTOP_FILE);
    }

    private static String run(Map<String, String> env, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output.strip());
        }
        return output;
    }

    private static boolean writeIfDifferent(Path file, String content) throws IOException {
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** An XDG base directory: the variable if it is an absolute path (the spec ignores relative ones), else the default. */
    private static Path xdgDirectory(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }

    private static @Nullable Path onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, program);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
