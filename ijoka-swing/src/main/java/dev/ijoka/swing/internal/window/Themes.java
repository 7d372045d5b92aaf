package dev.ijoka.swing.internal.window;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Light or dark: FlatLaf's light and dark themes, chosen as the desktop says where it says (on Linux the
 * freedesktop appearance portal's {@code color-scheme}, else GNOME's setting), light where it says nothing;
 * {@code IJOKA_THEME=light|dark} overrides both. The View menu switches live.
 */
public final class Themes {

    private static final Logger log = LoggerFactory.getLogger(Themes.class);
    private static final long ASK_MILLIS = 800;

    private Themes() {}

    /** Whether to start dark: the override, else the desktop's preference, else light. */
    public static boolean startDark(Map<String, String> environment) {
        String chosen = environment.get("IJOKA_THEME");
        if (chosen != null && !chosen.isBlank()) {
            return chosen.strip().equalsIgnoreCase("dark");
        }
        return desktopPrefersDark().orElse(false);
    }

    /** What the desktop reports, if it reports anything. */
    static Optional<Boolean> desktopPrefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return Optional.empty(); // macOS and Windows: FlatLaf's own themes; a setting there is future work
        }
        // The portal answers "(<<uint32 1>>,)" for prefer-dark, 2 for prefer-light, 0 for no preference.
        Optional<String> portal = ask(List.of("gdbus", "call", "--session", "--timeout", "1",
                "--dest", "org.freedesktop.portal.Desktop", "--object-path", "/org/freedesktop/portal/desktop",
                "--method", "org.freedesktop.portal.Settings.Read", "org.freedesktop.appearance", "color-scheme"));
        if (portal.isPresent()) {
            String answer = portal.get();
            if (answer.contains("uint32 1")) {
                return Optional.of(true);
            }
            if (answer.contains("uint32 2")) {
                return Optional.of(false);
            }
        }
        Optional<String> gnome = ask(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (gnome.isPresent() && gnome.get().contains("dark")) {
            return Optional.of(true);
        }
        if (gnome.isPresent() && gnome.get().contains("light")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    private static Optional<String> ask(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(ASK_MILLIS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            log.debug("{} is not available: {}", command.getFirst(), e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Installs the theme before any window exists. */
    public static void install(boolean dark) {
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }

    /** Switches every open window, live. Call on the event-dispatch thread. */
    public static void switchTo(boolean dark) {
        install(dark);
        FlatLaf.updateUI();
    }

    public static boolean isDark() {
        return FlatLaf.isLafDark();
    }
}
