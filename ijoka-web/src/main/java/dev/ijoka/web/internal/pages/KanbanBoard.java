package dev.ijoka.web.internal.pages;

import dev.ijoka.Ijoka;
import dev.ijoka.api.FeaturePage;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Kanban board's columns. Each column shows its first {@link #FIRST_PAGE} cards in the Board's order
 * ({@link dev.ijoka.domain.BoardOrder}) and its count, and offers the rest {@link #MORE_PAGE} at a time as the
 * user scrolls: the store sorts and limits ({@code Features.column}), so a render costs the cards it shows,
 * not the plan (at 100,000 features as at 100).
 */
final class KanbanBoard {

    static final int FIRST_PAGE = 50;
    static final int MORE_PAGE = 100;

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
        FeaturePage page = ijoka.features().column(p.id(), status, offset, size);
        var todos = ijoka.sessions().featureTodos(p.id()); // one read for the page, not one per card
        List<Card> cards = page.features().stream().map(f -> new Card(f, agents, todos.get(f.id()))).toList();
        return new Column(status.wireName(), title(status), cards, page.total(), Math.min(offset, page.total()));
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
