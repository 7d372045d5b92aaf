package dev.ijoka.swing.internal.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.swing.AbstractListModel;

/**
 * The loaded events, newest first, cut into runs of consecutive events of one session, each run under a
 * {@link TimelineRow.Header}. Used on the event-dispatch thread only.
 */
@SuppressWarnings("serial") // Swing's models are Serializable; this one is never serialized
final class TimelineModel extends AbstractListModel<TimelineRow> {

    private final List<TimelineRow.Line> lines = new ArrayList<>();
    private List<TimelineRow> rows = List.of();

    @Override
    public int getSize() {
        return rows.size();
    }

    @Override
    public TimelineRow getElementAt(int index) {
        return rows.get(index);
    }

    int eventCount() {
        return lines.size();
    }

    long newestSequence() {
        return lines.isEmpty() ? 0 : lines.getFirst().sequence();
    }

    long oldestSequence() {
        return lines.isEmpty() ? Long.MAX_VALUE : lines.getLast().sequence();
    }

    void clear() {
        lines.clear();
        regroup(Where.ALL);
    }

    /** A fresh first page; lines newer than it that arrived live meanwhile stay on top. */
    void replace(List<TimelineRow.Line> page) {
        long newestOfPage = page.isEmpty() ? 0 : page.getFirst().sequence();
        List<TimelineRow.Line> live = lines.stream().filter(l -> l.sequence() > newestOfPage).toList();
        lines.clear();
        lines.addAll(live);
        lines.addAll(page);
        regroup(Where.ALL);
    }

    /** An older page, below what is shown. */
    void append(List<TimelineRow.Line> page) {
        long oldest = oldestSequence();
        page.stream().filter(l -> l.sequence() < oldest).forEach(lines::add);
        regroup(Where.BOTTOM);
    }

    /** Newer events, newest first, on top. */
    void prepend(List<TimelineRow.Line> newer) {
        long newest = newestSequence();
        lines.addAll(0, newer.stream().filter(l -> l.sequence() > newest).toList());
        regroup(Where.TOP);
    }

    /** Where rows were added, so that the list keeps its selection and scroll position. */
    private enum Where { ALL, TOP, BOTTOM }

    private void regroup(Where where) {
        int before = rows.size();
        List<TimelineRow> out = new ArrayList<>(lines.size() + lines.size() / 8 + 1);
        int i = 0;
        while (i < lines.size()) {
            TimelineRow.Line first = lines.get(i);
            int end = i + 1;
            while (end < lines.size() && Objects.equals(lines.get(end).session(), first.session())) {
                end++;
            }
            out.add(new TimelineRow.Header(first.session(), first.agent(), lines.get(end - 1).event().at(), first.event().at()));
            out.addAll(lines.subList(i, end));
            i = end;
        }
        rows = out;
        int after = rows.size();
        if (where == Where.TOP && after > before) {
            // Rows added on top, so that a selection below moves down with its row.
            fireIntervalAdded(this, 0, after - before - 1);
            fireContentsChanged(this, 0, after - 1);
        } else if (where == Where.BOTTOM && after > before && before > 0) {
            fireContentsChanged(this, 0, before - 1); // the last group's header may span further back now
            fireIntervalAdded(this, before, after - 1);
        } else {
            if (before > 0) {
                fireIntervalRemoved(this, 0, before - 1);
            }
            if (after > 0) {
                fireIntervalAdded(this, 0, after - 1);
            }
        }
    }
}
