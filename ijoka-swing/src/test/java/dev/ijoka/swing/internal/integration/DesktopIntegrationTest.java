package dev.ijoka.swing.internal.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.swing.SingleInstance;
import dev.ijoka.swing.UpdateOffer;
import dev.ijoka.swing.internal.OffEdtEngine;
import dev.ijoka.swing.internal.RecordedDesktopActions;
import dev.ijoka.swing.internal.notify.NotificationServiceOnTheBus;
import dev.ijoka.swing.internal.tray.Tray;
import java.awt.CheckboxMenuItem;
import java.awt.EventQueue;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tray, the notifier and the hand-off started together, as the window will start them, on real parts. */
class DesktopIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private Ijoka ijoka;
    private Ijoka otherProcess;
    private ExecutorService storeExecutor;
    private SingleInstance instance;
    private final RecordedDesktopActions actions = new RecordedDesktopActions();
    private Project shop;
    private Feature login;

    @BeforeEach
    void open() throws Exception {
        String url = "jdbc:sqlite:" + temp.resolve("ijoka.db");
        ijoka = OffEdtEngine.open(url);
        otherProcess = Ijoka.builder().store(url).build();
        storeExecutor = Executors.newSingleThreadExecutor();
        instance = SingleInstance.claim(temp.resolve("data"), null).orElseThrow();
        shop = ijoka.projects().open(Files.createDirectories(temp.resolve("shop")));
        login = ijoka.features().create(shop.id(), NewFeature.of("User can log in", Category.FUNCTIONAL));
    }

    @AfterEach
    void close() throws InterruptedException {
        assertThat(OffEdtEngine.violations()).as("store calls on the event-dispatch thread").isEmpty();
        instance.close();
        storeExecutor.shutdown();
        storeExecutor.awaitTermination(5, TimeUnit.SECONDS);
        otherProcess.close();
        ijoka.close();
    }

    @Test
    void aLaterLaunchsLinkBringsTheWindowToTheFrontAndOpensTheFeature() throws Exception {
        try (DesktopIntegration desktop = DesktopIntegration.start(ijoka, actions, storeExecutor, instance)) {
            assertThat(desktop.inTray()).isTrue();
            assertThat(desktop.trayAbsentMessage()).isEmpty();

            assertThat(SingleInstance.claim(temp.resolve("data"), "ijoka://feature/shop/1")).isEmpty();
            assertThat(actions.next(WAIT)).isEqualTo("showWindow");
            assertThat(actions.next(WAIT)).isEqualTo("openFeature " + shop.id() + " " + login.id());

            assertThat(SingleInstance.claim(temp.resolve("data"), null)).isEmpty();
            assertThat(actions.next(WAIT)).isEqualTo("showWindow");

            desktop.openLink("ijoka://feature/shop/9");
            assertThat(actions.next(WAIT)).isEqualTo("tell Project shop has no feature #9.");
        }
    }

    @Test
    void notificationsReachTheServiceAndTheWindowsPauseSwitchHoldsThemAndChecksTheTrayItem() throws Exception {
        try (NotificationServiceOnTheBus service = NotificationServiceOnTheBus.start("actions", "body");
                DesktopIntegration desktop = DesktopIntegration.start(ijoka, actions, storeExecutor, instance)) {
            otherProcess.features().start(login.id(), null);
            otherProcess.features().complete(login.id(), null);
            assertThat(service.next(WAIT).summary()).isEqualTo("Feature #1 complete");

            desktop.setNotificationsPaused(true);
            Feature search = otherProcess.features().create(shop.id(), NewFeature.of("Search", Category.FUNCTIONAL));
            otherProcess.features().block(search.id(), null, "needs an index", null);
            assertThat(service.drain(Duration.ofSeconds(2))).isEmpty();
            assertThat(pauseItem().getState()).isTrue();

            desktop.setNotificationsPaused(false);
            assertThat(service.next(WAIT).summary()).isEqualTo("Feature #2 blocked");
            assertThat(pauseItem().getState()).isFalse();
        }
    }

    @Test
    void anUpdateOfferIsNotifiedWithWhatChangedAndItsTrayItemDownloadsOnlyWhenPicked() throws Exception {
        java.util.concurrent.atomic.AtomicInteger downloads = new java.util.concurrent.atomic.AtomicInteger();
        try (NotificationServiceOnTheBus service = NotificationServiceOnTheBus.start("actions", "body");
                DesktopIntegration desktop = DesktopIntegration.start(ijoka, actions, storeExecutor, instance)) {
            desktop.offerUpdate(new UpdateOffer("0.2.0", "An installer with its own runtime.", () -> {
                assertThat(EventQueue.isDispatchThread()).as("the download runs off the event-dispatch thread").isFalse();
                downloads.incrementAndGet();
                return "Downloaded ijoka_0.2.0_amd64.deb";
            }));
            NotificationServiceOnTheBus.Shown shown = service.next(WAIT);
            assertThat(shown.summary()).isEqualTo("Ijoka 0.2.0 is available");
            assertThat(shown.body()).startsWith("An installer with its own runtime. Update to Ijoka 0.2.0");
            assertThat(downloads).as("nothing is downloaded before the user asks").hasValue(0);

            Thread.sleep(200); // the item is added on the event-dispatch thread
            java.awt.MenuItem[] update = new java.awt.MenuItem[1];
            java.util.List<String> labels = new java.util.ArrayList<>();
            EventQueue.invokeAndWait(() -> {
                PopupMenu menu = trayIcon().getPopupMenu();
                for (int i = 0; i < menu.getItemCount(); i++) {
                    labels.add(menu.getItem(i).getLabel());
                    if (menu.getItem(i).getLabel().startsWith("Update")) {
                        update[0] = menu.getItem(i);
                    }
                }
            });
            assertThat(labels).endsWith("Update to Ijoka 0.2.0…", "Quit");
            EventQueue.invokeAndWait(() -> {
                for (java.awt.event.ActionListener l : update[0].getActionListeners()) {
                    l.actionPerformed(new java.awt.event.ActionEvent(update[0], java.awt.event.ActionEvent.ACTION_PERFORMED, ""));
                }
            });
            assertThat(actions.next(WAIT)).isEqualTo("tell Downloaded ijoka_0.2.0_amd64.deb");
            assertThat(downloads).hasValue(1);
        }
    }

    @Test
    void closingRemovesTheTrayIconAndStopsTakingHandOffs() throws Exception {
        DesktopIntegration desktop = DesktopIntegration.start(ijoka, actions, storeExecutor, instance);
        TrayIcon icon = trayIcon();
        desktop.close();
        assertThat(SystemTray.getSystemTray().getTrayIcons()).doesNotContain(icon);
        assertThat(SingleInstance.claim(temp.resolve("data"), "ijoka://feature/shop/1")).as("still answered").isEmpty();
        Thread.sleep(500);
        assertThat(actions.calls()).isEmpty();
    }

    @Test
    void withoutATrayOrANotificationServiceTheWindowSaysSoAndTellsWhatHappened() throws Exception {
        try (DesktopIntegration desktop = DesktopIntegration.start(ijoka, actions, storeExecutor, instance, false, null)) {
            assertThat(desktop.inTray()).isFalse();
            assertThat(desktop.trayAbsentMessage()).contains(Tray.NO_TRAY);

            otherProcess.features().start(login.id(), null);
            otherProcess.features().complete(login.id(), null);
            assertThat(actions.next(WAIT)).isEqualTo("tell Feature #1 complete: #1 “User can log in” in shop is complete.");
        }
    }

    private static TrayIcon trayIcon() {
        TrayIcon[] icons = SystemTray.getSystemTray().getTrayIcons();
        assertThat(icons).hasSize(1);
        return icons[0];
    }

    private static CheckboxMenuItem pauseItem() throws Exception {
        Thread.sleep(200); // the check is set on the event-dispatch thread
        CheckboxMenuItem[] found = new CheckboxMenuItem[1];
        EventQueue.invokeAndWait(() -> {
            PopupMenu menu = trayIcon().getPopupMenu();
            for (int i = 0; i < menu.getItemCount(); i++) {
                if (menu.getItem(i) instanceof CheckboxMenuItem check) {
                    found[0] = check;
                }
            }
        });
        return found[0];
    }
}
