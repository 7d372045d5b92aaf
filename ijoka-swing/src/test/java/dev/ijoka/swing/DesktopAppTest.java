package dev.ijoka.swing;

import static dev.ijoka.swing.DesktopFixture.await;
import static dev.ijoka.swing.DesktopFixture.edt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.swing.internal.window.Themes;
import java.awt.event.WindowEvent;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front door: start, the theme chosen, the actions the tray and links use, close and quit. */
class DesktopAppTest {

    @TempDir
    Path dir;

    private Ijoka ijoka;
    private DesktopApp app;
    private final AtomicInteger quits = new AtomicInteger();

    @BeforeEach
    void start() {
        EdtGuard.reset();
        ijoka = EdtGuard.open(dir.resolve("ijoka.db"));
        ijoka.projects().open(DesktopFixture.gitCheckout(dir.resolve("shop")));
        app = DesktopApp.start(ijoka, URI.create("http://127.0.0.1:4000/"), dir.resolve("home"), quits::incrementAndGet, null,
                Map.of("IJOKA_THEME", "dark"));
    }

    @AfterEach
    void close() {
        app.close();
        ijoka.close();
        DesktopFixture.edtRun(() -> Themes.install(false));
        assertThat(EdtGuard.violations()).isEmpty();
    }

    @Test
    void startsDarkWhenAskedShowsTheWindowAndTheProject() {
        assertThat(edt(Themes::isDark)).isTrue();
        assertThat(edt(() -> app.window().frame().isShowing())).isTrue();
        await("the project is shown", () -> app.window().currentProject().isPresent());
        assertThat(edt(() -> app.window().frame().getTitle())).isEqualTo("shop — Ijoka");
    }

    @Test
    void withTheTestDesktopsTrayClosingTheWindowKeepsTheApp() {
        DesktopFixture.edtRun(() -> app.window().frame().dispatchEvent(new WindowEvent(app.window().frame(), WindowEvent.WINDOW_CLOSING)));
        assertThat(edt(() -> app.window().frame().isVisible())).isFalse();
        assertThat(quits).hasValue(0);
    }

    @Test
    void closingTheWindowWithoutATrayQuits() throws Exception {
        app.keepRunningWhenClosed(false);
        DesktopFixture.edtRun(() -> app.window().frame().dispatchEvent(new WindowEvent(app.window().frame(), WindowEvent.WINDOW_CLOSING)));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (quits.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(quits).hasValue(1);
    }

    @Test
    void closingTheWindowWithATrayHidesItAndShowWindowBringsItBack() {
        app.keepRunningWhenClosed(true);
        DesktopFixture.edtRun(() -> app.window().frame().dispatchEvent(new WindowEvent(app.window().frame(), WindowEvent.WINDOW_CLOSING)));
        assertThat(edt(() -> app.window().frame().isVisible())).isFalse();
        assertThat(quits).hasValue(0);

        app.actions().showWindow();
        await("the window is back", () -> app.window().frame().isVisible());
    }

    @Test
    void aLinkToAFeatureThatIsNotThereIsToldAboutAndChangesNothing() {
        app.open("ijoka://feature/shop/12");
        await("the window says so", () -> app.window().shownMessage().map(m -> m.contains("no feature")).orElse(false));
    }

    @Test
    void aLinkToAFeatureOpensItsDetail() {
        ProjectId shop = ijoka.projects().list().getFirst().id();
        ijoka.features().create(shop, NewFeature.of("Checkout", Category.FUNCTIONAL));
        app.open("ijoka://feature/shop/1");
        await("the feature's detail is shown",
                () -> app.window().detail().feature().map(f -> f.description().equals("Checkout")).orElse(false));
    }

    @Test
    void aMalformedLinkIsToldAbout() {
        app.open("ijoka://nonsense");
        await("the window says what a link looks like",
                () -> app.window().shownMessage().map(m -> m.contains("ijoka://feature/")).orElse(false));
    }
}
