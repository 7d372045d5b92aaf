package dev.ijoka.swing.internal.window;

/** Folders as people read them: the home directory as {@code ~}. */
final class Folders {

    private Folders() {}

    static String shortened(String folder) {
        String home = System.getProperty("user.home", "");
        if (!home.isEmpty() && (folder.equals(home) || folder.startsWith(home + "/"))) {
            return "~" + folder.substring(home.length());
        }
        return folder;
    }
}
