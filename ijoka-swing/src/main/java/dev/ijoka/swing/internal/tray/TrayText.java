package dev.ijoka.swing.internal.tray;

import java.util.List;

/** The tooltip's words, from the projects' lines. */
final class TrayText {

    private TrayText() {}

    /**
     * "Ijoka", then a line per project with its progress and what is in progress. Plain text: the tray host shows
     * it as it is, whatever the features' titles hold.
     */
    static String tooltip(List<ProjectLine> lines) {
        if (lines.isEmpty()) {
            return "Ijoka: no projects yet";
        }
        StringBuilder text = new StringBuilder("Ijoka");
        for (ProjectLine line : lines.subList(0, Math.min(Tray.MAX_PROJECTS, lines.size()))) {
            text.append('\n').append(line.progressText()).append(" · ").append(line.inProgressText());
        }
        if (lines.size() > Tray.MAX_PROJECTS) {
            text.append("\nand ").append(lines.size() - Tray.MAX_PROJECTS).append(" more projects");
        }
        return text.toString();
    }
}
