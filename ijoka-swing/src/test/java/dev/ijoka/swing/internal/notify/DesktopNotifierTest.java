package dev.ijoka.swing.internal.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.ijoka.Ijoka;
import dev.ijoka.api.RuleViolationException;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.SessionId;
import dev.ijoka.swing.internal.OffEdtEngine;
import dev.ijoka.swing.internal.RecordedDesktopActions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications from real events of a real engine, received by a notification service the test exports on the
 * harness's session bus. The changes are made by a second engine on the same SQLite file: another writer, as
 * another process would be.
 */
class DesktopNotifierTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private Ijoka app;
    private Ijoka agent;
    private Project shop;
    private final RecordedDesktopActions actions = new RecordedDesktopActions();
    private final BlockingQueue<Notice> trayMessages = new LinkedBlockingQueue<>();
    private NotificationServiceOnTheBus service;
    private DesktopNotifier notifier;

    @BeforeEach
    void open() throws Exception {
        String url = "jdbc:sqlite:" + temp.resolve("ijoka.db");
        app = OffEdtEngine.open(url);
        agent = Ijoka.builder().store(url).leaseDuration(Duration.ofMillis(50)).build();
        shop = agent.projects().open(Files.createDirectories(temp.resolve("shop")));
    }

    @AfterEach
    void close() throws Exception {
        assertThat(OffEdtEngine.violations()).as("store calls on the event-dispatch thread").isEmpty();
        if (notifier != null) {
            notifier.close();
        }
        if (service != null) {
            service.close();
        }
        agent.close();
        app.close();
    }

    @Test
    void aCompletedFeatureIsSaidInWordsAndAClickOpensIt() throws Exception {
        startWithService("actions", "body");
        Feature login = agent.features().create(shop.id(), NewFeature.of("User can log in", Category.FUNCTIONAL));
        agent.features().start(login.id(), null);
        agent.features().complete(login.id(), null);

        NotificationServiceOnTheBus.Shown shown = service.next(WAIT);
        assertThat(shown.appName()).isEqualTo("Ijoka");
        assertThat(shown.summary()).isEqualTo("Feature #1 complete");
        assertThat(shown.body()).isEqualTo("#1 “User can log in” in shop is complete.");
        assertThat(shown.actions()).containsExactly("default", "Open");

        click(shown.id());
        assertThat(actions.next(WAIT)).isEqualTo("openFeature " + shop.id() + " " + login.id());
        assertThat(trayMessages).isEmpty();
    }

    @Test
    void aBlockedFeatureAStaleSessionAndADeniedAgentAreEachSaid() throws Exception {
        startWithService("actions", "body");
        Feature api = agent.features().create(shop.id(), NewFeature.of("Payments API", Category.FUNCTIONAL));
        Feature checkout = agent.features().create(shop.id(),
                NewFeature.of("Checkout", Category.FUNCTIONAL).withSteps("Pay", "Confirm"));

        agent.features().block(api.id(), null, "waiting for the bank's sandbox", null);
        NotificationServiceOnTheBus.Shown blocked = service.next(WAIT);
        assertThat(blocked.summary()).isEqualTo("Feature #1 blocked");
        assertThat(blocked.body()).isEqualTo("#1 “Payments API” in shop is blocked: waiting for the bank's sandbox");

        SessionId session = SessionId.of("agent-7");
        agent.sessions().start(shop.id(), session, "claude-code");
        agent.features().start(checkout.id(), session);
        Thread.sleep(100);
        assertThat(agent.sessions().expireLeases()).extracting(Feature::id).containsExactly(checkout.id());
        NotificationServiceOnTheBus.Shown stale = service.next(WAIT);
        assertThat(stale.summary()).isEqualTo("Session went stale on #2");
        assertThat(stale.body()).startsWith("Session agent-7 went quiet and its lease on #2 “Checkout” in shop ran out at ")
                .endsWith(". The feature is still in progress, free for another session to take.");

        agent.rules().add(shop.id(), new RuleSpec.StepsDoneBeforeComplete(), Enforcement.DENY);
        try {
            agent.features().complete(checkout.id(), session);
        } catch (RuleViolationException expected) {
            // The agent hears the refusal; the user is told on the desktop.
        }
        NotificationServiceOnTheBus.Shown denied = service.next(WAIT);
        assertThat(denied.summary()).isEqualTo("A rule denied an agent");
        assertThat(denied.body()).startsWith("The “steps done before complete” rule refused to complete #2 “Checkout” in shop: ")
                .hasSizeGreaterThan("The “steps done before complete” rule refused to complete #2 “Checkout” in shop: ".length());
    }

    @Test
    void markupInAFeatureIsSentAsTextToAServerThatReadsMarkup() throws Exception {
        startWithService("actions", "body", "body-markup");
        Feature f = agent.features().create(shop.id(), NewFeature.of("<b>bold</b> & co", Category.FUNCTIONAL));
        agent.features().start(f.id(), null);
        agent.features().complete(f.id(), null);

        assertThat(service.next(WAIT).body()).isEqualTo("#1 “&lt;b&gt;bold&lt;/b&gt; &amp; co” in shop is complete.");
    }

    @Test
    void pausedNotificationsAreHeldAndShownAsOneSummaryOnResume() throws Exception {
        startWithService("actions", "body");
        notifier.setPaused(true);
        for (int i = 1; i <= 7; i++) {
            Feature f = agent.features().create(shop.id(), NewFeature.of("Feature " + i, Category.FUNCTIONAL));
            agent.features().start(f.id(), null);
            agent.features().complete(f.id(), null);
        }
        assertThat(service.drain(Duration.ofSeconds(2))).as("held while paused").isEmpty();

        notifier.setPaused(false);
        NotificationServiceOnTheBus.Shown summary = service.next(WAIT);
        assertThat(summary.summary()).isEqualTo("7 things happened while notifications were paused");
        assertThat(summary.body()).isEqualTo("""
                Feature #1 complete
                Feature #2 complete
                Feature #3 complete
                Feature #4 complete
                Feature #5 complete
                and 2 more; the window's timeline has them all.""");
        click(summary.id());
        assertThat(actions.next(WAIT)).isEqualTo("showWindow");

        Feature after = agent.features().create(shop.id(), NewFeature.of("After", Category.FUNCTIONAL));
        agent.features().start(after.id(), null);
        agent.features().complete(after.id(), null);
        assertThat(service.next(WAIT).summary()).isEqualTo("Feature #8 complete");
    }

    @Test
    void aSingleHeldNotificationIsShownAsItWas() throws Exception {
        startWithService("actions", "body");
        notifier.setPaused(true);
        Feature f = agent.features().create(shop.id(), NewFeature.of("Only one", Category.FUNCTIONAL));
        agent.features().start(f.id(), null);
        agent.features().complete(f.id(), null);
        Thread.sleep(1000);
        notifier.setPaused(false);
        assertThat(service.next(WAIT).summary()).isEqualTo("Feature #1 complete");
    }

    @Test
    void withNoNotificationServiceOnTheBusTheTrayMessageIsUsed() throws Exception {
        notifier = DesktopNotifier.start(app, actions, trayMessages::add);
        assumeThat(notifier.serviceAvailable())
                .as("this machine's session bus can start a notification service on demand").isFalse();

        Feature f = agent.features().create(shop.id(), NewFeature.of("User can log in", Category.FUNCTIONAL));
        agent.features().start(f.id(), null);
        agent.features().complete(f.id(), null);

        Notice notice = trayMessages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(notice).isEqualTo(new Notice("Feature #1 complete", "#1 “User can log in” in shop is complete.",
                shop.id(), f.id()));
    }

    @Test
    void withoutASessionBusAtAllTheTrayMessageIsUsed() throws Exception {
        notifier = DesktopNotifier.start(app, actions, trayMessages::add, null);
        Feature f = agent.features().create(shop.id(), NewFeature.of("No bus", Category.FUNCTIONAL));
        agent.features().block(f.id(), null, "no reason", null);
        assertThat(trayMessages.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).extracting(Notice::summary)
                .isEqualTo("Feature #1 blocked");
    }

    /** Clicks a notification once the notifier has its id (the service shows it a moment before Notify returns). */
    private void click(int id) throws Exception {
        Instant end = Instant.now().plus(WAIT);
        while (!notifier.clickable(id) && Instant.now().isBefore(end)) {
            Thread.sleep(20);
        }
        service.click(id);
    }

    private void startWithService(String... capabilities) throws Exception {
        service = NotificationServiceOnTheBus.start(capabilities);
        notifier = DesktopNotifier.start(app, actions, trayMessages::add);
        assertThat(notifier.serviceAvailable()).isTrue();
    }
}
