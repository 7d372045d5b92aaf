package dev.ijoka.swing.internal.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.swing.internal.OffEdtEngine;
import dev.ijoka.swing.internal.RecordedDesktopActions;
import java.awt.CheckboxMenuItem;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.ActionEvent;
import java.awt.event.ItemEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tray icon in the test session's real tray (trayer), on a real engine; the window is a recording. */
class TrayTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private Ijoka ijoka;
    private Ijoka otherProcess;
    private ExecutorService storeExecutor;
    private final RecordedDesktopActions actions = new RecordedDesktopActions();
    private final BlockingQueue<Boolean> pauses = new LinkedBlockingQueue<>();
    private Tray tray;
    private Project shop;
    private Feature checkout;

    @BeforeEach
    void open() throws Exception {
        String url = "jdbc:sqlite:" + temp.resolve("ijoka.db");
        ijoka = OffEdtEngine.open(url);
        otherProcess = Ijoka.builder().store(url).build();
        storeExecutor = Executors.newSingleThreadExecutor(r -> new Thread(r, "store"));
        shop = ijoka.projects().open(Files.createDirectories(temp.resolve("shop")));
        Feature login = ijoka.features().create(shop.id(), NewFeature.of("User can log in", Category.FUNCTIONAL));
        checkout = ijoka.features().create(shop.id(), NewFeature.of("Checkout with <html><b>cards</b>", Category.FUNCTIONAL));
        ijoka.features().create(shop.id(), NewFeature.of("Search", Category.FUNCTIONAL));
        ijoka.features().start(login.id(), null);
        ijoka.features().complete(login.id(), null);
        ijoka.features().start(checkout.id(), null);
    }

    @AfterEach
    void close() throws InterruptedException {
        assertThat(OffEdtEngine.violations()).as("store calls on the event-dispatch thread").isEmpty();
        if (tray != null) {
            tray.close();
        }
        storeExecutor.shutdown();
        storeExecutor.awaitTermination(5, TimeUnit.SECONDS);
        otherProcess.close();
        ijoka.close();
    }

    @Test
    void theIconIsInTheTrayWithEachProjectsProgressAndWhatIsInProgress() throws Exception {
        start();

        assertThat(SystemTray.getSystemTray().getTrayIcons()).contains(tray.icon());
        String expected = "Ijoka\nshop: 1 of 3 complete (33%) · 1 in progress: #2 Checkout with <html><b>cards</b>";
        awaitTooltip(expected);
        assertThat(labels()).containsExactly("Open", "Open in browser", "Pause notifications", "-",
                "shop: 1 of 3 complete (33%) · 1 in progress: #2 Checkout with <html><b>cards</b>", "-", "Quit");
        screenshots();
    }

    @Test
    void aChangeFromAnotherProcessShowsInTheTooltipAndMenu() throws Exception {
        start();
        awaitTooltip("Ijoka\nshop: 1 of 3 complete (33%) · 1 in progress: #2 Checkout with <html><b>cards</b>");

        otherProcess.features().complete(checkout.id(), null);
        Project blog = otherProcess.projects().open(Files.createDirectories(temp.resolve("blog")));
        otherProcess.features().create(blog.id(), NewFeature.of("Write the first post", Category.FUNCTIONAL));

        awaitTooltip("Ijoka\nblog: 0 of 1 complete (0%) · nothing in progress\nshop: 2 of 3 complete (66%) · nothing in progress");
        assertThat(labels()).containsExactly("Open", "Open in browser", "Pause notifications", "-",
                "blog: 0 of 1 complete (0%) · nothing in progress",
                "shop: 2 of 3 complete (66%) · nothing in progress", "-", "Quit");
    }

    @Test
    void theMenusItemsCallTheWindowsActions() throws Exception {
        start();
        awaitTooltip("Ijoka\nshop: 1 of 3 complete (33%) · 1 in progress: #2 Checkout with <html><b>cards</b>");

        for (String label : List.of("Open", "Open in browser", "shop: 1 of 3 complete (33%) · 1 in progress: #2 Checkout with <html><b>cards</b>", "Quit")) {
            click(label);
        }
        EventQueue.invokeAndWait(() -> tray.icon().getActionListeners()[0].actionPerformed(
                new ActionEvent(tray.icon(), ActionEvent.ACTION_PERFORMED, "")));
        assertThat(actions.calls()).containsExactly("showWindow", "openInBrowser", "openProject " + shop.id(), "quit", "showWindow");

        CheckboxMenuItem pause = (CheckboxMenuItem) item("Pause notifications");
        EventQueue.invokeAndWait(() -> {
            pause.setState(true);
            pause.dispatchEvent(new ItemEvent(pause, ItemEvent.ITEM_STATE_CHANGED, pause.getLabel(), ItemEvent.SELECTED));
        });
        EventQueue.invokeAndWait(() -> {
            pause.setState(false);
            pause.dispatchEvent(new ItemEvent(pause, ItemEvent.ITEM_STATE_CHANGED, pause.getLabel(), ItemEvent.DESELECTED));
        });
        assertThat(List.of(pauses.poll(5, TimeUnit.SECONDS), pauses.poll(5, TimeUnit.SECONDS))).containsExactly(true, false);
    }

    @Test
    void withoutATrayTheAppSaysSoAndAddsNoIcon() {
        int before = SystemTray.getSystemTray().getTrayIcons().length;

        TrayStatus status = Tray.start(false, ijoka, actions, storeExecutor, pauses::add);

        assertThat(status).isEqualTo(new TrayStatus.Absent(Tray.NO_TRAY));
        assertThat(Tray.NO_TRAY).contains("no system tray").contains("runs as a window");
        assertThat(SystemTray.getSystemTray().getTrayIcons()).hasSize(before);
        assertThat(actions.calls()).isEmpty();
    }

    @Test
    void closingRemovesTheIcon() {
        start();
        TrayIcon icon = tray.icon();
        tray.close();
        tray = null;
        assertThat(SystemTray.getSystemTray().getTrayIcons()).doesNotContain(icon);
    }

    private void start() {
        TrayStatus status = Tray.start(SystemTray.isSupported(), ijoka, actions, storeExecutor, pauses::add);
        assertThat(status).isInstanceOf(TrayStatus.Shown.class);
        tray = ((TrayStatus.Shown) status).tray();
    }

    private void awaitTooltip(String expected) throws Exception {
        Instant end = Instant.now().plus(WAIT);
        String seen = "";
        while (Instant.now().isBefore(end)) {
            seen = onEdt(() -> tray.icon().getToolTip());
            if (expected.equals(seen)) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(seen).isEqualTo(expected);
    }

    private List<String> labels() throws Exception {
        return onEdt(() -> {
            PopupMenu menu = tray.icon().getPopupMenu();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < menu.getItemCount(); i++) {
                labels.add(menu.getItem(i).getLabel());
            }
            return labels;
        });
    }

    private MenuItem item(String label) throws Exception {
        return onEdt(() -> {
            PopupMenu menu = tray.icon().getPopupMenu();
            for (int i = 0; i < menu.getItemCount(); i++) {
                if (menu.getItem(i).getLabel().equals(label)) {
                    return menu.getItem(i);
                }
            }
            throw new AssertionError("no menu item " + label);
        });
    }

    private void click(String label) throws Exception {
        MenuItem item = item(label);
        assertThat(item.getAccessibleContext().getAccessibleName()).isEqualTo(label);
        EventQueue.invokeAndWait(() -> item.dispatchEvent(
                new ActionEvent(item, ActionEvent.ACTION_PERFORMED, item.getActionCommand())));
    }

    private static <T> T onEdt(Supplier<T> read) throws Exception {
        List<T> result = new ArrayList<>(1);
        EventQueue.invokeAndWait(() -> result.add(read.get()));
        return result.getFirst();
    }

    /** The icon at common tray sizes on a light and a dark panel, and the tray as the screen shows it. */
    private void screenshots() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("ijoka.screenshots", "target/screenshots")));
        int[] sizes = {16, 22, 24, 32, 48, 64};
        for (String theme : List.of("light", "dark")) {
            BufferedImage sheet = new BufferedImage(16 + sizes.length * 80, 96, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = sheet.createGraphics();
            g.setColor(theme.equals("light") ? new Color(0xF2F2F2) : new Color(0x2B2B2B));
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            int x = 8;
            for (int s : sizes) {
                Image icon = TrayIconImage.draw(new Dimension(s, s), 1.0 / 3);
                g.drawImage(icon, x, 8, null);
                x += 80;
            }
            g.dispose();
            ImageIO.write(sheet, "png", dir.resolve("tray-icon-" + theme + ".png").toFile());
        }
        Thread.sleep(500); // let trayer paint the icon
        Rectangle corner = new Rectangle(1600 - 240, 0, 240, 32);
        BufferedImage screen = new Robot().createScreenCapture(corner);
        BufferedImage zoomed = new BufferedImage(corner.width * 3, corner.height * 3, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = zoomed.createGraphics();
        g.drawImage(screen, 0, 0, zoomed.getWidth(), zoomed.getHeight(), null);
        g.dispose();
        ImageIO.write(zoomed, "png", dir.resolve("tray-in-panel.png").toFile());
    }
}
