package dev.ijoka.web.internal.pages;

import java.util.List;

/**
 * One Kanban column: the first cards of a status, and how many more there are. Big columns are
 * paged so that the board's first render stays fast at 10,000 features (DESIGN.md §8).
 */
public final class Column {

    private final String status;
    private final String title;
    private final List<Card> cards;
    private final int total;
    private final int offset;

    Column(String status, String title, List<Card> cards, int total, int offset) {
        this.status = status;
        this.title = title;
        this.cards = List.copyOf(cards);
        this.total = total;
        this.offset = offset;
    }

    public String getStatus() {
        return status;
    }

    public String getTitle() {
        return title;
    }

    public List<Card> getCards() {
        return cards;
    }

    public int getTotal() {
        return total;
    }

    /** Where the next page starts. */
    public int getNext() {
        return offset + cards.size();
    }

    /** How many cards are not shown yet. */
    public int getRemaining() {
        return Math.max(0, total - getNext());
    }
}
