package dev.ijoka.spi;

/** Desktop notifications. Where there is no desktop, {@link #NONE} drops them. */
@FunctionalInterface
public interface Notifier {

    void notify(Notification notification);

    Notifier NONE = n -> { };

    /** @param link where clicking it leads, e.g. {@code ijoka://feature/<id>} */
    record Notification(String title, String body, String link) {}
}
