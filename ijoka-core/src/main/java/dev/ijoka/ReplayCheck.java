package dev.ijoka;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Rule;
import dev.ijoka.event.Event;
import dev.ijoka.event.Replay;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a store's tables say what its event log says: the log, folded to state ({@link Replay}),
 * against the projects, features, dependencies, rules (with their counters) and insights stored, in
 * one read snapshot. What a copy is checked with: a faithful copy of a consistent store agrees.
 */
final class ReplayCheck {

    /** Events read per query while folding the log. */
    private static final int PAGE = 1000;

    /** At most this many differences are listed: enough to see what is wrong. */
    private static final int MAX_LISTED = 20;

    private ReplayCheck() {}

    /** Where the store's tables differ from its replayed log, one line each; empty when they agree. */
    static List<String> differences(Store store) {
        return store.read(ReplayCheck::differences);
    }

    private static List<String> differences(StoreReader reader) {
        List<String> out = new ArrayList<>();
        Replay replay = new Replay();
        long after = 0;
        while (true) {
            List<Event> page = reader.eventsAfter(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (Event e : page) {
                if (e.sequence() <= after) {
                    out.add("the log is out of order at sequence " + e.sequence());
                    return out;
                }
                try {
                    replay.apply(e);
                } catch (RuntimeException ex) {
                    out.add("the log cannot be replayed: " + ex.getMessage());
                    return out;
                }
                after = e.sequence();
            }
        }
        List<Project> projects = reader.projects();
        compare(out, "projects", Set.copyOf(projects), Set.copyOf(replay.projects().values()));
        for (Project p : projects) {
            compare(out, "features of " + p.name(),
                    reader.features(p.id()).stream().map(Replay::comparable).collect(Collectors.toSet()),
                    replay.features().values().stream().filter(f -> f.project().equals(p.id())).map(Replay::comparable)
                            .collect(Collectors.toSet()));
            compare(out, "dependencies of " + p.name(), Set.copyOf(reader.dependencies(p.id())),
                    replay.dependencies().stream().filter(d -> d.project().equals(p.id())).collect(Collectors.toSet()));
            compare(out, "rules of " + p.name(), Set.copyOf(reader.rules(p.id())),
                    replay.rules().values().stream().filter(r -> r.appliesTo(p.id())).collect(Collectors.toSet()));
            compare(out, "insights of " + p.name(), Set.copyOf(reader.insights(p.id())),
                    replay.insights().stream().filter(i -> i.project().equals(p.id())).collect(Collectors.toSet()));
        }
        return out.size() > MAX_LISTED ? List.copyOf(out.subList(0, MAX_LISTED)) : out;
    }

    private static <T> void compare(List<String> out, String what, Set<T> stored, Set<T> replayed) {
        if (stored.equals(replayed)) {
            return;
        }
        Set<T> onlyStored = new HashSet<>(stored);
        onlyStored.removeAll(replayed);
        Set<T> onlyReplayed = new HashSet<>(replayed);
        onlyReplayed.removeAll(stored);
        out.add(what + ": " + stored.size() + " stored, " + replayed.size() + " in the replayed log; "
                + onlyStored.size() + " stored differ" + first(onlyStored) + ", " + onlyReplayed.size()
                + " replayed differ" + first(onlyReplayed));
    }

    private static String first(Set<?> items) {
        return items.stream().findFirst().map(i -> " (e.g. " + name(i) + ")").orElse("");
    }

    private static String name(Object item) {
        return switch (item) {
            case Feature f -> "#" + f.number() + " " + f.id().value();
            case Project p -> p.name() + " " + p.id().value();
            case Dependency d -> d.dependent().value() + " on " + d.dependency().value();
            case Rule r -> r.id().value();
            case Insight i -> i.id();
            default -> item.toString();
        };
    }
}
