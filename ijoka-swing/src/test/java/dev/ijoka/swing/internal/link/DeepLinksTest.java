package dev.ijoka.swing.internal.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.swing.internal.OffEdtEngine;
import dev.ijoka.swing.internal.RecordedDesktopActions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links resolved against a real engine on a SQLite file; the window is a recording. */
class DeepLinksTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private Ijoka ijoka;
    private ExecutorService storeExecutor;
    private final RecordedDesktopActions actions = new RecordedDesktopActions();
    private DeepLinks links;
    private Project shop;
    private Feature login;

    @BeforeEach
    void open() throws Exception {
        ijoka = OffEdtEngine.open("jdbc:sqlite:" + temp.resolve("ijoka.db"));
        // The executor refuses to be the event-dispatch thread's stand-in: every store call here runs on it.
        storeExecutor = Executors.newSingleThreadExecutor(r -> new Thread(r, "store"));
        links = new DeepLinks(ijoka, actions, storeExecutor);
        shop = ijoka.projects().open(Files.createDirectories(temp.resolve("code/shop")));
        ijoka.features().create(shop.id(), NewFeature.of("Catalogue", Category.FUNCTIONAL));
        login = ijoka.features().create(shop.id(), NewFeature.of("User can log in", Category.FUNCTIONAL));
    }

    @AfterEach
    void close() throws InterruptedException {
        assertThat(OffEdtEngine.violations()).as("store calls on the event-dispatch thread").isEmpty();
        storeExecutor.shutdown();
        storeExecutor.awaitTermination(5, TimeUnit.SECONDS);
        ijoka.close();
    }

    @Test
    void aFeatureLinkByProjectNameAndNumberOpensThatFeature() throws Exception {
        links.open("ijoka://feature/shop/2").get();
        assertThat(actions.next(WAIT)).isEqualTo("openFeature " + shop.id() + " " + login.id());
    }

    @Test
    void aFeatureLinkByIdsOpensThatFeature() throws Exception {
        links.open("ijoka://feature/" + shop.id() + "/" + login.id()).get();
        links.open("ijoka://feature/shop/%232").get();
        assertThat(actions.calls()).containsExactly(
                "openFeature " + shop.id() + " " + login.id(), "openFeature " + shop.id() + " " + login.id());
    }

    @Test
    void aProjectLinkOpensTheProjectOfTheFolderOrOfAFolderInsideIt() throws Exception {
        String root = URLEncoder.encode(shop.root(), StandardCharsets.UTF_8);
        links.open("ijoka://open-project?path=" + root).get();
        Path inside = Files.createDirectories(Path.of(shop.root(), "src", "main"));
        links.open("ijoka://open-project?path=" + URLEncoder.encode(inside.toString(), StandardCharsets.UTF_8)).get();
        assertThat(actions.calls()).containsExactly("openProject " + shop.id(), "openProject " + shop.id());
    }

    @Test
    void aLinkToWhatDoesNotExistIsToldAndChangesNothing() throws Exception {
        long before = ijoka.events().lastSequence();
        links.open("ijoka://feature/nowhere/1").get();
        links.open("ijoka://feature/shop/99").get();
        links.open("ijoka://feature/shop/%23x1").get();
        links.open("ijoka://open-project?path=" + temp.resolve("elsewhere")).get();

        assertThat(actions.calls()).containsExactly(
                "tell There is no project 'nowhere'. The link names a project by its id or name; the window's project list shows them.",
                "tell Project shop has no feature #99.",
                "tell '#x1' is not a feature: '#x1' is not a feature number: write #12",
                "tell The folder " + temp.resolve("elsewhere") + " is not inside any project Ijoka knows. Add it with \"Add project…\" first.");
        assertThat(ijoka.projects().list()).containsExactly(shop);
        assertThat(ijoka.events().lastSequence()).isEqualTo(before);
    }

    @Test
    void aMalformedLinkIsToldWithWhatAGoodLinkLooksLike() throws Exception {
        links.open("ijoka://feature/shop").get();
        assertThat(actions.calls()).singleElement().asString()
                .startsWith("tell The feature link is missing the feature after the project")
                .endsWith(DeepLink.GOOD_LINKS);
    }

    @Test
    void resolvingOnTheEventDispatchThreadIsRefused() throws Exception {
        Throwable[] thrown = new Throwable[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                DeepLinks.resolve(ijoka, new DeepLink.OpenFeature("shop", "1"));
            } catch (RuntimeException e) {
                thrown[0] = e;
            }
        });
        assertThat(thrown[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("off the event-dispatch thread");
        // And the links above ran their store calls on the executor, not the caller's thread.
        assertThatThrownBy(() -> SwingUtilities.invokeAndWait(() -> DeepLinks.resolve(ijoka, new DeepLink.OpenProject(temp))))
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
