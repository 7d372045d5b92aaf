package dev.ijoka.api;

import dev.ijoka.domain.Feature;
import java.util.List;

/**
 * The result of a command that changed a feature.
 *
 * @param warnings what rules with {@code warn} enforcement had to say; the command went through
 */
public record Transition(Feature feature, List<String> warnings) {

    public Transition {
        warnings = List.copyOf(warnings);
    }
}
