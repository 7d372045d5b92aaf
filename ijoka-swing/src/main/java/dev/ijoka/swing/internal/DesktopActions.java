package dev.ijoka.swing.internal;

import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;

/**
 * What the tray, the notifications and the deep links ask of the window; the window implements it. Callers
 * may be on any thread (a tray menu, a D-Bus signal, the single-instance socket): implementations hop to the
 * event-dispatch thread themselves, and never touch the store there.
 *
 * <p>Deep links are resolved against the engine before they get here ({@code DeepLinks}): the window is only
 * ever asked to open a project or feature that exists, and a bad link reaches {@link #tell} instead.
 */
public interface DesktopActions {

    /** Shows the window, restored and in front: after "Open" in the tray, or a second launch. */
    void showWindow();

    /** Opens the dashboard this process serves in the user's browser. */
    void openInBrowser();

    /** Shows the project, in front. */
    void openProject(ProjectId project);

    /** Shows the feature's detail, in front. */
    void openFeature(ProjectId project, FeatureId feature);

    /** Tells the user something that went wrong and changed nothing, e.g. a malformed link; shown in the window. */
    void tell(String message);

    /** Quits: closes the window, the tray icon, the web server and the engine, cleanly. */
    void quit();
}
