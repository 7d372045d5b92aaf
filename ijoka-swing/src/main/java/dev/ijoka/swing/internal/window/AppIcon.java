package dev.ijoka.swing.internal.window;

import com.formdev.flatlaf.extras.FlatSVGIcon;
import java.awt.Image;
import java.util.List;

/** The app's icon, drawn from one SVG at every size the desktop asks for, so it is sharp at any scale. */
public final class AppIcon {

    /** The SVG, for the tray and notifications as well. */
    public static final String RESOURCE = "dev/ijoka/swing/ijoka.svg";

    private AppIcon() {}

    public static List<Image> images() {
        return List.of(16, 24, 32, 48, 64, 128, 256).stream()
                .map(size -> new FlatSVGIcon(RESOURCE, size, size, AppIcon.class.getClassLoader()).getImage())
                .toList();
    }
}
