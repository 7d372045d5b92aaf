package dev.ijoka.swing.internal.board;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.swing.AbstractListModel;

/** One column's cards, highest priority first (ties by number, as the engine orders work); replaced whole. */
final class CardListModel extends AbstractListModel<Feature> {

    static final Comparator<Feature> ORDER = Comparator.comparingInt(Feature::priority).reversed()
            .thenComparingInt(Feature::number);

    private List<Feature> cards = List.of();

    @Override
    public int getSize() {
        return cards.size();
    }

    @Override
    public Feature getElementAt(int index) {
        return cards.get(index);
    }

    List<Feature> cards() {
        return cards;
    }

    int indexOf(FeatureId id) {
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Replaces the cards: one event for the list, however many changed. */
    void replace(List<Feature> features) {
        int old = cards.size();
        List<Feature> sorted = new ArrayList<>(features);
        sorted.sort(ORDER);
        cards = List.copyOf(sorted);
        if (old > 0) {
            fireIntervalRemoved(this, 0, old - 1);
        }
        if (!cards.isEmpty()) {
            fireIntervalAdded(this, 0, cards.size() - 1);
        }
    }
}
