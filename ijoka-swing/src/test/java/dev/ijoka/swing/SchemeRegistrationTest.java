package dev.ijoka.swing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --register in a temporary home: XDG_DATA_HOME and XDG_CONFIG_HOME point into it, never at the real ones. */
class SchemeRegistrationTest {

    private static final Path XDG_MIME = Path.of("/usr/bin/xdg-mime");

    @TempDir
    Path home;

    @Test
    void writesADesktopEntryThatHandlesTheSchemeAndRunsTheLauncher() throws IOException {
        SchemeRegistration.Result result = SchemeRegistration.register(List.of("/opt/ijoka/bin/ijoka"), env(), home, null);

        Path entry = home.resolve("data/applications/ijoka.desktop");
        assertThat(result.desktopFile()).isEqualTo(entry);
        assertThat(Files.readAllLines(entry)).contains(
                "[Desktop Entry]", "Type=Application", "Name=Ijoka",
                "Exec=/opt/ijoka/bin/ijoka desktop %u",
                "MimeType=x-scheme-handler/ijoka;");
    }

    @Test
    void withoutXdgMimeItWritesMimeappsListKeepingWhatWasThere() throws IOException {
        Path mimeapps = home.resolve("config/mimeapps.list");
        Files.createDirectories(mimeapps.getParent());
        Files.writeString(mimeapps, """
                [Default Applications]
                text/html=firefox.desktop
                x-scheme-handler/ijoka=old-ijoka.desktop

                [Added Associations]
                image/png=gimp.desktop
                """);

        SchemeRegistration.Result first = SchemeRegistration.register(List.of("/opt/ijoka/bin/ijoka"), env(), home, null);

        assertThat(first.changed()).isTrue();
        assertThat(first.how()).isEqualTo("in " + mimeapps + " (xdg-mime is not installed)");
        assertThat(Files.readString(mimeapps)).isEqualTo("""
                [Default Applications]
                text/html=firefox.desktop
                x-scheme-handler/ijoka=ijoka.desktop

                [Added Associations]
                image/png=gimp.desktop
                """);
    }

    @Test
    void withoutXdgMimeAnEmptyConfigGetsTheSection() throws IOException {
        SchemeRegistration.register(List.of("ijoka"), env(), home, null);
        assertThat(Files.readString(home.resolve("config/mimeapps.list")))
                .isEqualTo("[Default Applications]\nx-scheme-handler/ijoka=ijoka.desktop\n");
    }

    @Test
    void registeringTwiceChangesNothingTheSecondTime() throws IOException {
        SchemeRegistration.register(List.of("/opt/ijoka/bin/ijoka"), env(), home, null);
        String entry = Files.readString(home.resolve("data/applications/ijoka.desktop"));
        String mimeapps = Files.readString(home.resolve("config/mimeapps.list"));

        SchemeRegistration.Result again = SchemeRegistration.register(List.of("/opt/ijoka/bin/ijoka"), env(), home, null);

        assertThat(again.changed()).isFalse();
        assertThat(again.summary()).startsWith("ijoka:// links were already registered: ");
        assertThat(Files.readString(home.resolve("data/applications/ijoka.desktop"))).isEqualTo(entry);
        assertThat(Files.readString(home.resolve("config/mimeapps.list"))).isEqualTo(mimeapps);
        try (var files = Files.list(home.resolve("data/applications"))) {
            assertThat(files).as("no temporary files left").containsExactly(home.resolve("data/applications/ijoka.desktop"));
        }
    }

    @Test
    void withXdgMimeTheSchemesDefaultIsWhatXdgMimeReports() throws Exception {
        assertThat(XDG_MIME).as("xdg-utils is installed on the build machine").isExecutable();

        SchemeRegistration.Result first = SchemeRegistration.register(List.of("/opt/ijoka/bin/ijoka"), env(), home, XDG_MIME);
        SchemeRegistration.Result again = SchemeRegistration.register(List.of("/opt/ijoka/bin/ijoka"), env(), home, XDG_MIME);

        assertThat(first.changed()).isTrue();
        assertThat(first.how()).isEqualTo("with xdg-mime (/usr/bin/xdg-mime)");
        assertThat(again.changed()).isFalse();
        assertThat(xdgMime("query", "default", "x-scheme-handler/ijoka")).isEqualTo("ijoka.desktop");
        assertThat(Files.readString(home.resolve("config/mimeapps.list"))).contains("x-scheme-handler/ijoka=ijoka.desktop");
    }

    @Test
    void aLauncherWithSpacesIsQuotedAsTheDesktopEntrySpecificationSays() {
        assertThat(SchemeRegistration.desktopEntry(List.of("/usr/lib/jvm/java 25/bin/java", "-jar", "/home/me/100%/ijoka.jar")))
                .contains("Exec=\"/usr/lib/jvm/java 25/bin/java\" -jar /home/me/100%%/ijoka.jar desktop %u\n");
        assertThat(SchemeRegistration.execArgument("/a$b")).isEqualTo("\"/a\\\\$b\"");
    }

    @Test
    void theLauncherOfTestsRunFromClassesIsUnknownAndSaysWhatToDo() {
        assertThat(System.getenv("IJOKA_LAUNCHER")).as("not set for the tests").isNull();
        assertThatThrownBy(SchemeRegistration::currentLauncher)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run --register from the installed ijoka");
    }

    @Test
    void anEmptyLauncherIsRefused() {
        assertThatThrownBy(() -> SchemeRegistration.register(List.of(), env(), home, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the launcher must be a command");
        assertThat(home.resolve("data")).doesNotExist();
    }

    private Map<String, String> env() {
        return Map.of("HOME", home.toString(), "PATH", System.getenv("PATH"),
                "XDG_DATA_HOME", home.resolve("data").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString());
    }

    private String xdgMime(String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(XDG_MIME.toString(), args[0], args[1], args[2]));
        builder.environment().clear();
        builder.environment().putAll(env());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
