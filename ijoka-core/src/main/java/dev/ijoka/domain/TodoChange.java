package dev.ijoka.domain;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A change an agent makes to its own todo list, as its tools send it: a whole new list
 * ({@code TodoWrite}), or one item created, updated or deleted (the Task tools and events).
 */
public sealed interface TodoChange {

    /** An item of a whole list as the agent wrote it: no id (items are matched to the old list by content). */
    record Item(String content, @Nullable String activeForm, TodoStatus status) {
        public Item {
            content = Limits.requireText("todo content", content, Limits.MAX_TODO);
            activeForm = activeForm == null || activeForm.isBlank() ? null
                    : Limits.checkLength("todo activeForm", activeForm.strip(), Limits.MAX_TODO);
            Objects.requireNonNull(status, "status");
        }
    }

    /** The whole list, replacing the one before: items of equal content keep their ids. */
    record Replace(List<Item> items) implements TodoChange {
        public Replace {
            items = List.copyOf(items);
            if (items.size() > Limits.MAX_TODOS) {
                throw new IllegalArgumentException("a todo list has " + items.size() + " items; the limit is "
                        + Limits.MAX_TODOS + ": shorten it");
            }
        }
    }

    /**
     * One item created or updated: the fields given replace the item's; an item not in the list yet is
     * added at its end (pending unless a status is given; named {@code Task #<id>} when no content is).
     */
    record Upsert(String id, @Nullable String content, @Nullable String activeForm, @Nullable TodoStatus status)
            implements TodoChange {
        public Upsert {
            id = Limits.requireText("todo id", id, Limits.MAX_NAME);
            content = content == null || content.isBlank() ? null : Limits.checkLength("todo content", content.strip(), Limits.MAX_TODO);
            activeForm = activeForm == null || activeForm.isBlank() ? null
                    : Limits.checkLength("todo activeForm", activeForm.strip(), Limits.MAX_TODO);
        }
    }

    /** One item deleted; an id not in the list changes nothing. */
    record Remove(String id) implements TodoChange {
        public Remove {
            id = Limits.requireText("todo id", id, Limits.MAX_NAME);
        }
    }
}
