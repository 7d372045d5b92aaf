package dev.ijoka;

import static dev.ijoka.domain.DependencyKind.BLOCKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.WipScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The plan as the engine answers it: the graph queries see every change as soon as it commits. */
class PlanTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private Feature feature(String description, int priority) {
        return fx.feature(NewFeature.of(description, Category.FUNCTIONAL).withPriority(priority));
    }

    @Test
    void readyListsPendingFeaturesWithCompleteDependenciesByPriorityThenNumber() {
        Feature low = feature("low", 0);
        Feature high = feature("high", 5);
        Feature alsoLow = feature("also low", 0);
        Feature gated = feature("gated", 9);
        fx.ijoka.dependencies().add(gated.id(), low.id(), BLOCKS, null);

        assertThat(fx.ijoka.plan().ready(fx.project.id())).extracting(Feature::id)
                .containsExactly(high.id(), low.id(), alsoLow.id());

        fx.features().start(low.id(), null);
        fx.features().complete(low.id(), null);

        assertThat(fx.ijoka.plan().ready(fx.project.id())).extracting(Feature::id)
                .containsExactly(gated.id(), high.id(), alsoLow.id());
    }

    @Test
    void nextForASessionIsWhatItAlreadyHoldsElseTheFirstReadyFeature() {
        SessionId s1 = fx.session("s1");
        Feature first = feature("first", 0);
        Feature urgent = feature("urgent", 3);

        assertThat(fx.ijoka.plan().next(fx.project.id(), s1)).contains(fx.reload(urgent));

        fx.features().start(first.id(), s1);

        assertThat(fx.ijoka.plan().next(fx.project.id(), s1)).map(Feature::id).contains(first.id());
        assertThat(fx.ijoka.plan().next(fx.project.id(), null)).map(Feature::id).contains(urgent.id());
    }

    @Test
    void nextOffersNothingToASessionThatARuleWouldStop() {
        fx.ijoka.rules().add(fx.project.id(), new RuleSpec.WipLimit(1, WipScope.PROJECT), Enforcement.DENY);
        SessionId s1 = fx.session("s1");
        SessionId s2 = fx.session("s2");
        Feature a = fx.feature("a");
        fx.feature("b");
        fx.features().start(a.id(), s1);

        assertThat(fx.ijoka.plan().next(fx.project.id(), s2)).isEmpty();
        assertThat(fx.ijoka.plan().next(fx.project.id(), s1)).map(Feature::id).contains(a.id());
    }

    @Test
    void blockedByAndUnlockedByFollowTheBlocksEdges() {
        Feature schema = fx.feature("schema");
        Feature api = fx.feature("api");
        Feature ui = fx.feature("ui");
        fx.ijoka.dependencies().add(api.id(), schema.id(), BLOCKS, null);
        fx.ijoka.dependencies().add(ui.id(), api.id(), BLOCKS, null);

        assertThat(fx.ijoka.plan().blockedBy(ui.id())).extracting(Feature::id).containsExactly(schema.id(), api.id());
        assertThat(fx.ijoka.plan().unlockedBy(schema.id())).extracting(Feature::id).containsExactly(api.id());
        assertThat(fx.ijoka.plan().criticalPath(fx.project.id())).extracting(Feature::id)
                .containsExactly(schema.id(), api.id(), ui.id());
    }

    @Test
    void progressCountsFeaturesByStatus() {
        fx.featureIn(Status.PENDING);
        fx.featureIn(Status.IN_PROGRESS);
        fx.featureIn(Status.BLOCKED);
        fx.featureIn(Status.COMPLETE);
        fx.featureIn(Status.COMPLETE);

        Progress p = fx.ijoka.plan().progress(fx.project.id());

        assertThat(p).isEqualTo(new Progress(1, 1, 1, 2));
        assertThat(p.percentComplete()).isEqualTo(40);
    }
}
