package dev.ijoka.web.internal.pages;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The Kanban board's columns. Each column shows its first {@link #FIRST_PAGE} cards and offers the
 * rest {@link #MORE_PAGE} at a time, so a 10,000-feature board renders in well under a second.
 */
final class KanbanBoard {

    static final int FIRST_PAGE = 50;
    static final int MORE_PAGE = 100;

    private static final Comparator<Feature> PRIORITY = Comparator.comparingInt(Feature::priority).reversed()
            .thenComparingInt(Feature::number);
    /** Done work reads best most recent first. */
    private static final Comparator<Feature> RECENTLY_COMPLETED = Comparator
            .comparing((Feature f) -> f.completedAt() == null ? Instant.EPOCH : f.completedAt()).reversed()
            .thenComparingInt(Feature::number);

    private final Ijoka ijoka;

    KanbanBoard(Ijoka ijoka) {
        this.ijoka = ijoka;
    }

    List<Column> columns(Project p, Map<String, String> agents) {
        List<Column> columns = new ArrayList<>();
        for (Status s : Status.values()) {
            columns.add(column(p, s, 0, FIRST_PAGE, agents));
        }
        return columns;
    }

    Column column(Project p, Status status, int offset, int size, Map<String, String> agents) {
        List<Feature> all = new ArrayList<>(ijoka.features().list(p.id(), status));
        all.sort(status == Status.COMPLETE ? RECENTLY_COMPLETED : PRIORITY);
        int from = Math.min(offset, all.size());
        var todos = ijoka.sessions().featureTodos(p.id()); // one read for the page, not one per card
        List<Card> cards = all.subList(from, Math.min(all.size(), from + size)).stream()
                .map(f -> new Card(f, agents, todos.get(f.id()))).toList();
        return new Column(status.wireName(), title(status), cards, all.size(), from);
    }

    static String title(Status s) {
        return switch (s) {
            case PENDING -> "Pending";
            case IN_PROGRESS -> "In progress";
            case BLOCKED -> "Blocked";
            case COMPLETE -> "Complete";
        };
    }
}
