package dev.ijoka.swing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A launch of the desktop app, reduced to its single-instance part, for {@link SingleInstanceTest}'s second
 * process: {@code SingleInstanceChild <data directory> [link]}. It prints "claimed" and then each hand-off it
 * receives ("hand-off <link>" or "hand-off show") until its standard input closes, or "handed off" if another
 * instance ran.
 */
public final class SingleInstanceChild {

    private SingleInstanceChild() {}

    public static void main(String[] args) throws IOException {
        Optional<SingleInstance> claimed = SingleInstance.claim(Path.of(args[0]), args.length > 1 ? args[1] : null);
        if (claimed.isEmpty()) {
            System.out.println("handed off");
            return;
        }
        try (SingleInstance instance = claimed.get()) {
            instance.onHandOff(request -> {
                System.out.println("hand-off " + request.orElse("show"));
                System.out.flush();
            });
            System.out.println("claimed");
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        System.out.println("closed");
    }
}
