package dev.ijoka.app.update;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The desktop app's update check: on a thread of its own, a little after start and then every hour, asks
 * {@link UpdateChecker#checkIfDue()} (which goes to the feed at most once a day), and hands each newer version to
 * {@code onNewer} once per run of the app. Never on the event-dispatch thread; closing stops it.
 */
public final class DailyCheck implements AutoCloseable {

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("ijoka-update-check").unstarted(r));
    private final Set<String> offered = new HashSet<>();

    private DailyCheck() {}

    /** Starts checking; the first check waits {@code firstDelaySeconds}, so as not to slow the window's start. */
    public static DailyCheck start(UpdateChecker checker, long firstDelaySeconds, Consumer<CheckResult.Newer> onNewer) {
        DailyCheck daily = new DailyCheck();
        daily.thread.scheduleWithFixedDelay(() -> {
            try {
                if (checker.checkIfDue() instanceof CheckResult.Newer newer
                        && daily.offered.add(newer.feed().version().toString())) {
                    onNewer.accept(newer);
                }
            } catch (RuntimeException e) {
                // A check never takes the app down; the next one runs as planned.
                org.slf4j.LoggerFactory.getLogger(DailyCheck.class).info("update check failed: {}", e.toString());
            }
        }, firstDelaySeconds, TimeUnit.HOURS.toSeconds(1), TimeUnit.SECONDS);
        return daily;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
