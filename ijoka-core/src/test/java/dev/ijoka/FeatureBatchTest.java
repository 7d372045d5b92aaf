package dev.ijoka;

import static dev.ijoka.domain.DependencyKind.BLOCKS;
import static dev.ijoka.domain.DependencyKind.RELATED;
import static dev.ijoka.event.EventType.DEPENDENCY_ADDED;
import static dev.ijoka.event.EventType.DEPENDENCY_REMOVED;
import static dev.ijoka.event.EventType.FEATURE_CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.CycleException;
import dev.ijoka.api.FeatureBatch;
import dev.ijoka.api.FeatureBatch.Edge;
import dev.ijoka.api.FeatureBatch.Entry;
import dev.ijoka.api.FeatureBatch.Target;
import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Replay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code Features.createAll}: many features and edges in one transaction, checked once, all or nothing. */
class FeatureBatchTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private static Entry pending(String description) {
        return Entry.pending(NewFeature.of(description, Category.FUNCTIONAL));
    }

    private FeatureBatch.Result create(List<Entry> entries, List<Edge> edges) {
        return fx.features().createAll(fx.project.id(), new FeatureBatch(entries, edges), FeatureBatch.Progress.NONE);
    }

    @Test
    void createsFeaturesInEntryOrderWithTheirStatusesParentsAndEdges() {
        fx.feature("exists already");
        long mark = fx.mark();

        FeatureBatch.Result result = create(
                List.of(pending("schema"),
                        new Entry(NewFeature.of("login", Category.SECURITY).withSteps("open", "submit"), Status.COMPLETE, null, null),
                        new Entry(NewFeature.of("cart", Category.UI), Status.BLOCKED, "waiting for the designs", Target.entry(0)),
                        new Entry(NewFeature.of("checkout", Category.FUNCTIONAL), Status.IN_PROGRESS, null, Target.existing(fx.number(1)))),
                List.of(new Edge(Target.entry(1), Target.entry(0), BLOCKS),
                        new Edge(Target.entry(3), Target.entry(1), BLOCKS),
                        new Edge(Target.entry(3), Target.existing(fx.number(1)), RELATED)));

        List<Feature> created = result.created();
        assertThat(created).extracting(Feature::number).containsExactly(2, 3, 4, 5);
        assertThat(created).extracting(Feature::status)
                .containsExactly(Status.PENDING, Status.COMPLETE, Status.BLOCKED, Status.IN_PROGRESS);
        assertThat(created.get(1).completedAt()).isNotNull();
        assertThat(created.get(2).blockReason()).isEqualTo("waiting for the designs");
        assertThat(created.get(2).parent()).isEqualTo(created.get(0).id());
        assertThat(created.get(3).parent()).isEqualTo(fx.features().get(fx.number(1)).id());
        assertThat(created.get(3).claim()).isNull();
        assertThat(result.added()).hasSize(3);
        assertThat(result.unchanged()).isZero();
        assertThat(fx.features().list(fx.project.id())).hasSize(5);
        assertThat(fx.ijoka.plan().ready(fx.project.id())).extracting(Feature::description)
                .containsExactly("exists already", "schema");

        assertThat(fx.typesSince(mark)).containsExactly(FEATURE_CREATED, FEATURE_CREATED, FEATURE_CREATED, FEATURE_CREATED,
                DEPENDENCY_ADDED, DEPENDENCY_ADDED, DEPENDENCY_ADDED);
        Replay replay = Replay.of(fx.eventsSince(0));
        Map<FeatureId, Feature> stored = fx.features().list(fx.project.id()).stream()
                .collect(Collectors.toMap(Feature::id, Replay::comparable));
        assertThat(replay.features().values().stream().map(Replay::comparable).collect(Collectors.toMap(Feature::id, f -> f)))
                .isEqualTo(stored);
        assertThat(replay.dependencies()).containsExactlyInAnyOrderElementsOf(fx.ijoka.dependencies().list(fx.project.id()));
    }

    @Test
    void refusesEveryCycleAndChangesNothing() {
        Feature a = fx.feature("a");
        long mark = fx.mark();

        assertThatThrownBy(() -> create(
                List.of(pending("x"), pending("y"), pending("p"), pending("q")),
                List.of(new Edge(Target.entry(0), Target.existing(a.id()), BLOCKS),
                        new Edge(Target.existing(a.id()), Target.entry(1), BLOCKS),
                        new Edge(Target.entry(1), Target.entry(0), BLOCKS),
                        new Edge(Target.entry(2), Target.entry(3), BLOCKS),
                        new Edge(Target.entry(3), Target.entry(2), BLOCKS))))
                .isInstanceOf(CycleException.class)
                .hasMessageContaining("2 cycles")
                .hasMessageContaining("#1")
                .hasMessageContaining("new feature \"x\"")
                .hasMessageContaining("new feature \"y\"")
                .hasMessageContaining("new feature \"p\"")
                .hasMessageContaining("new feature \"q\"");

        assertThat(fx.features().list(fx.project.id())).containsExactly(a);
        assertThat(fx.ijoka.dependencies().list(fx.project.id())).isEmpty();
        assertThat(fx.eventsSince(mark)).isEmpty();
    }

    @Test
    void aSmallBatchIsRefusedACycleThroughStoredEdges() {
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        fx.ijoka.dependencies().add(a.id(), b.id(), BLOCKS, null);
        long mark = fx.mark();

        // b → x → a is new; a → b is stored: a small batch reads only the edges it names, unless it could close a cycle.
        assertThatThrownBy(() -> create(List.of(pending("x")),
                List.of(new Edge(Target.entry(0), Target.existing(a.id()), BLOCKS),
                        new Edge(Target.existing(b.id()), Target.entry(0), BLOCKS))))
                .isInstanceOf(CycleException.class)
                .hasMessageContaining("#1")
                .hasMessageContaining("#2")
                .hasMessageContaining("new feature \"x\"");
        assertThat(fx.eventsSince(mark)).isEmpty();

        FeatureBatch.Result added = create(List.of(pending("y")),
                List.of(new Edge(Target.entry(0), Target.existing(a.id()), BLOCKS),
                        new Edge(Target.entry(0), Target.existing(b.id()), BLOCKS)));
        assertThat(added.added()).hasSize(2);
    }

    @Test
    void relatedEdgesMayFormLoops() {
        FeatureBatch.Result result = create(List.of(pending("x"), pending("y")),
                List.of(new Edge(Target.entry(0), Target.entry(1), RELATED), new Edge(Target.entry(1), Target.entry(0), RELATED)));

        assertThat(result.added()).hasSize(2);
    }

    @Test
    void refusesSelfEdgesAndParentLoops() {
        assertThatThrownBy(() -> create(List.of(pending("x")), List.of(new Edge(Target.entry(0), Target.entry(0), RELATED))))
                .isInstanceOf(CycleException.class)
                .hasMessageContaining("new feature \"x\" cannot depend on itself");

        assertThatThrownBy(() -> create(
                List.of(new Entry(NewFeature.of("x", Category.UI), Status.PENDING, null, Target.entry(1)),
                        new Entry(NewFeature.of("y", Category.UI), Status.PENDING, null, Target.entry(0))),
                List.of()))
                .isInstanceOf(CycleException.class)
                .hasMessageContaining("\"x\" → \"y\" → \"x\"");
        assertThat(fx.features().list(fx.project.id())).isEmpty();
    }

    @Test
    void edgesThatExistAreLeftAloneAndAChangedKindIsReplaced() {
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        Feature c = fx.feature("c");
        fx.ijoka.dependencies().add(b.id(), a.id(), BLOCKS, null);
        fx.ijoka.dependencies().add(c.id(), a.id(), BLOCKS, null);
        long mark = fx.mark();

        FeatureBatch.Result result = create(List.of(),
                List.of(new Edge(Target.existing(b.id()), Target.existing(a.id()), BLOCKS),
                        new Edge(Target.existing(c.id()), Target.existing(a.id()), RELATED)));

        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(result.added()).containsExactly(new Dependency(fx.project.id(), c.id(), a.id(), RELATED));
        assertThat(fx.typesSince(mark)).containsExactly(DEPENDENCY_REMOVED, DEPENDENCY_ADDED);
        assertThat(fx.ijoka.dependencies().of(c.id())).extracting(Dependency::kind).containsExactly(RELATED);
    }

    @Test
    void anEmptyBatchOrOneThatOnlyRepeatsEdgesAppendsNothing() {
        long mark = fx.mark();

        FeatureBatch.Result result = create(List.of(), List.of());

        assertThat(result.created()).isEmpty();
        assertThat(fx.eventsSince(mark)).isEmpty();
    }

    @Test
    void refusesTwoKindsForOneEdgeAndUnknownFeatures() {
        assertThatThrownBy(() -> create(List.of(pending("x"), pending("y")),
                List.of(new Edge(Target.entry(0), Target.entry(1), BLOCKS), new Edge(Target.entry(0), Target.entry(1), RELATED))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("as blocks and as related");

        assertThatThrownBy(() -> create(List.of(pending("x")),
                List.of(new Edge(Target.entry(0), Target.existing(fx.number(9)), BLOCKS))))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("#9");
        assertThat(fx.features().list(fx.project.id())).isEmpty();
    }

    @Test
    void checksEntriesWhenTheBatchIsMade() {
        assertThatThrownBy(() -> new FeatureBatch(List.of(pending("x")), List.of(new Edge(Target.entry(0), Target.entry(1), BLOCKS))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("entry 1 but the batch has 1 entries");
        assertThatThrownBy(() -> new Entry(NewFeature.of("x", Category.UI), Status.BLOCKED, " ", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("block reason");
        assertThatThrownBy(() -> new Entry(NewFeature.of("x", Category.UI), Status.PENDING, "why", null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Entry(NewFeature.of("x", Category.UI).withParent(fx.number(1)), Status.PENDING, null, null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void reportsProgressUpToTheTotal() {
        List<Entry> entries = IntStream.range(0, 500).mapToObj(i -> pending("f" + i)).toList();
        List<Edge> edges = IntStream.range(1, 500).mapToObj(i -> new Edge(Target.entry(i), Target.entry(i - 1), BLOCKS)).toList();
        List<int[]> calls = new ArrayList<>();

        fx.features().createAll(fx.project.id(), new FeatureBatch(entries, edges), (done, total) -> calls.add(new int[] {done, total}));

        assertThat(calls).isNotEmpty().hasSizeLessThanOrEqualTo(101);
        assertThat(calls.getLast()).containsExactly(999, 999);
        assertThat(calls).extracting(c -> c[0]).isSorted();
        assertThat(fx.ijoka.plan().ready(fx.project.id())).extracting(Feature::number).containsExactly(1);
    }
}
