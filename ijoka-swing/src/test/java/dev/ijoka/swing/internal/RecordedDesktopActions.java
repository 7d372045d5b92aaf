package dev.ijoka.swing.internal;

import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The window, as the tray, notifications and links see it: every call is recorded as a line ("openFeature p f",
 * "tell message"), in order, from whichever thread made it.
 */
public final class RecordedDesktopActions implements DesktopActions {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();

    @Override
    public void showWindow() {
        record("showWindow");
    }

    @Override
    public void openInBrowser() {
        record("openInBrowser");
    }

    @Override
    public void openProject(ProjectId project) {
        record("openProject " + project.value());
    }

    @Override
    public void openFeature(ProjectId project, FeatureId feature) {
        record("openFeature " + project.value() + " " + feature.value());
    }

    @Override
    public void tell(String message) {
        record("tell " + message);
    }

    @Override
    public void quit() {
        record("quit");
    }

    private void record(String call) {
        calls.add(call);
        pending.add(call);
    }

    /** Every call so far. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The next call not yet taken, waiting for it up to {@code timeout}. */
    public String next(Duration timeout) throws InterruptedException {
        String call = pending.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (call == null) {
            throw new AssertionError("no call to DesktopActions within " + timeout + "; so far: " + calls);
        }
        return call;
    }
}
