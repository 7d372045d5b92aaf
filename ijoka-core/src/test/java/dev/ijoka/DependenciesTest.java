package dev.ijoka;

import static dev.ijoka.domain.DependencyKind.BLOCKS;
import static dev.ijoka.domain.DependencyKind.RELATED;
import static dev.ijoka.event.EventType.DEPENDENCY_ADDED;
import static dev.ijoka.event.EventType.DEPENDENCY_REMOVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.CycleException;
import dev.ijoka.api.InvalidInputException;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dependency edges and parent links: what is recorded, and the cycles that are refused at write time. */
class DependenciesTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void addingAnEdgeRecordsItAndAnEvent() {
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        long mark = fx.mark();

        Dependency d = fx.ijoka.dependencies().add(b.id(), a.id(), BLOCKS, null);

        assertThat(d).isEqualTo(new Dependency(fx.project.id(), b.id(), a.id(), BLOCKS));
        assertThat(fx.ijoka.dependencies().of(b.id())).containsExactly(d);
        assertThat(fx.ijoka.dependencies().dependentsOf(a.id())).containsExactly(d);
        assertThat(fx.typesSince(mark)).containsExactly(DEPENDENCY_ADDED);
    }

    @Test
    void addingAnExistingEdgeAgainChangesNothing() {
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        fx.ijoka.dependencies().add(b.id(), a.id(), BLOCKS, null);
        long mark = fx.mark();

        fx.ijoka.dependencies().add(b.id(), a.id(), BLOCKS, null);

        assertThat(fx.ijoka.dependencies().list(fx.project.id())).hasSize(1);
        assertThat(fx.eventsSince(mark)).isEmpty();
    }

    @Test
    void changingAnEdgesKindIsLoggedAsARemovalAndAnAddition() {
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        fx.ijoka.dependencies().add(b.id(), a.id(), RELATED, null);
        long mark = fx.mark();

        fx.ijoka.dependencies().add(b.id(), a.id(), BLOCKS, null);

        assertThat(fx.ijoka.dependencies().of(b.id())).extracting(Dependency::kind).containsExactly(BLOCKS);
        assertThat(fx.typesSince(mark)).containsExactly(DEPENDENCY_REMOVED, DEPENDENCY_ADDED);
    }

    @Test
    void removingAnEdgeSaysWhetherThereWasOne() {
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        fx.ijoka.dependencies().add(b.id(), a.id(), BLOCKS, null);

        assertThat(fx.ijoka.dependencies().remove(b.id(), a.id(), null)).isTrue();
        long mark = fx.mark();
        assertThat(fx.ijoka.dependencies().remove(b.id(), a.id(), null)).isFalse();
        assertThat(fx.eventsSince(mark)).isEmpty();
        assertThat(fx.ijoka.dependencies().of(b.id())).isEmpty();
    }

    @Test
    void aFeatureCannotDependOnItself() {
        Feature a = fx.feature("a");

        for (var kind : new dev.ijoka.domain.DependencyKind[] {BLOCKS, RELATED}) {
            assertThatThrownBy(() -> fx.ijoka.dependencies().add(a.id(), a.id(), kind, null))
                    .isInstanceOf(CycleException.class)
                    .hasMessage("#1 cannot depend on itself: name another feature");
        }
    }

    @Test
    void aBlocksEdgeThatClosesACycleIsRefusedNamingTheCycle() {
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        Feature c = fx.feature("c");
        fx.ijoka.dependencies().add(a.id(), b.id(), BLOCKS, null);
        fx.ijoka.dependencies().add(b.id(), c.id(), BLOCKS, null);
        long mark = fx.mark();

        assertThatThrownBy(() -> fx.ijoka.dependencies().add(c.id(), a.id(), BLOCKS, null))
                .isInstanceOf(CycleException.class)
                .hasMessage("#3 cannot depend on #1: that closes the cycle #3 → #1 → #2 → #3. "
                        + "Remove one of those dependencies first, or use a related dependency.")
                .extracting(e -> ((CycleException) e).code()).isEqualTo("dependency_cycle");

        assertThat(fx.ijoka.dependencies().of(c.id())).isEmpty();
        assertThat(fx.eventsSince(mark)).isEmpty();
    }

    @Test
    void aTwoFeatureCycleIsRefusedToo() {
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        fx.ijoka.dependencies().add(a.id(), b.id(), BLOCKS, null);

        assertThatThrownBy(() -> fx.ijoka.dependencies().add(b.id(), a.id(), BLOCKS, null))
                .isInstanceOf(CycleException.class)
                .hasMessageContaining("that closes the cycle #2 → #1 → #2");
    }

    @Test
    void relatedEdgesMayCloseALoopBecauseTheyNeverGate() {
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        fx.ijoka.dependencies().add(a.id(), b.id(), BLOCKS, null);

        Dependency back = fx.ijoka.dependencies().add(b.id(), a.id(), RELATED, null);

        assertThat(back.kind()).isEqualTo(RELATED);
    }

    @Test
    void turningARelatedEdgeIntoACycleClosingBlocksEdgeIsRefused() {
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        fx.ijoka.dependencies().add(a.id(), b.id(), BLOCKS, null);
        fx.ijoka.dependencies().add(b.id(), a.id(), RELATED, null);

        assertThatThrownBy(() -> fx.ijoka.dependencies().add(b.id(), a.id(), BLOCKS, null))
                .isInstanceOf(CycleException.class);
        assertThat(fx.ijoka.dependencies().of(b.id())).extracting(Dependency::kind).containsExactly(RELATED);
    }

    @Test
    void aCycleIsFoundEvenWhenTheGraphWasCachedBeforeTheLastEdge() {
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        Feature c = fx.feature("c");
        fx.ijoka.dependencies().add(a.id(), b.id(), BLOCKS, null);
        fx.ijoka.plan().ready(fx.project.id()); // caches a snapshot
        fx.ijoka.dependencies().add(b.id(), c.id(), BLOCKS, null);

        assertThatThrownBy(() -> fx.ijoka.dependencies().add(c.id(), a.id(), BLOCKS, null))
                .isInstanceOf(CycleException.class)
                .hasMessageContaining("#3 → #1 → #2 → #3");
    }

    @Test
    void featuresOfDifferentProjectsCannotBeJoined(@TempDir Path other) {
        Project second = fx.ijoka.projects().open(other);
        Feature here = fx.feature("here");
        Feature there = fx.ijoka.features().create(second.id(), NewFeature.of("there", Category.FUNCTIONAL));

        assertThatThrownBy(() -> fx.ijoka.dependencies().add(here.id(), there.id(), BLOCKS, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("belong to different projects");
    }

    // --- parents ----------------------------------------------------------------------------------

    @Test
    void aFeatureCanBeCreatedUnderAParent() {
        Feature epic = fx.feature(NewFeature.of("Accounts", Category.FUNCTIONAL).withKind(dev.ijoka.domain.Kind.EPIC));

        Feature child = fx.feature(NewFeature.of("User can log in", Category.FUNCTIONAL).withParent(fx.number(1)));

        assertThat(child.parent()).isEqualTo(epic.id());
    }

    @Test
    void aFeatureCannotBeItsOwnParent() {
        Feature a = fx.feature("a");

        assertThatThrownBy(() -> fx.features().update(a.id(), FeatureUpdate.none().parent(a.id()), null, null))
                .isInstanceOf(CycleException.class)
                .hasMessage("cannot make #1 the parent of #1: that closes the cycle #1 → #1. Choose another parent.");
    }

    @Test
    void aParentLinkThatClosesACycleIsRefusedNamingIt() {
        Feature top = fx.feature("top");
        Feature middle = fx.feature(NewFeature.of("middle", Category.FUNCTIONAL).withParent(top.id()));
        Feature bottom = fx.feature(NewFeature.of("bottom", Category.FUNCTIONAL).withParent(middle.id()));
        long mark = fx.mark();

        assertThatThrownBy(() -> fx.features().update(top.id(), FeatureUpdate.none().parent(bottom.id()), null, null))
                .isInstanceOf(CycleException.class)
                .hasMessage("cannot make #3 the parent of #1: that closes the cycle #1 → #2 → #3 → #1. Choose another parent.");

        assertThat(fx.reload(top).parent()).isNull();
        assertThat(fx.eventsSince(mark)).isEmpty();
    }

    @Test
    void aParentOutsideTheChainIsAccepted() {
        Feature top = fx.feature("top");
        Feature other = fx.feature("other");
        Feature child = fx.feature(NewFeature.of("child", Category.FUNCTIONAL).withParent(top.id()));

        Feature moved = fx.features().update(child.id(), FeatureUpdate.none().parent(other.id()), null, null);

        assertThat(moved.parent()).isEqualTo(other.id());
    }
}
