package dev.ijoka.swing.internal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.Ijoka;
import dev.ijoka.api.FeatureCommand;
import dev.ijoka.api.IllegalTransitionException;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands the window offers are exactly what the engine's state machine takes from each status. */
class FeatureActionsTest {

    @TempDir
    Path dir;

    private Ijoka ijoka;
    private ProjectId project;

    @BeforeEach
    void open() {
        ijoka = Ijoka.builder().store("jdbc:sqlite:" + dir.resolve("ijoka.db")).build();
        project = ijoka.projects().open(dir).id();
    }

    @AfterEach
    void close() {
        ijoka.close();
    }

    private Feature in(Status status) {
        Feature f = ijoka.features().create(project, NewFeature.of("a feature " + status, Category.FUNCTIONAL));
        switch (status) {
            case PENDING -> { }
            case IN_PROGRESS -> ijoka.features().start(f.id(), null);
            case BLOCKED -> ijoka.features().block(f.id(), null, "why not", null);
            case COMPLETE -> {
                ijoka.features().start(f.id(), null);
                ijoka.features().complete(f.id(), null);
            }
        }
        return ijoka.features().get(f.id());
    }

    private static FeatureCommand command(String verb, Feature f) {
        return switch (verb) {
            case "start" -> new FeatureCommand.Start(f.id(), null, null);
            case "complete" -> new FeatureCommand.Complete(f.id(), null, null);
            case "block" -> new FeatureCommand.Block(f.id(), null, "a reason", null, null);
            case "unblock" -> new FeatureCommand.Unblock(f.id(), null, null);
            case "reopen" -> new FeatureCommand.Reopen(f.id(), null, "a reason", null);
            default -> throw new IllegalArgumentException(verb);
        };
    }

    @Test
    void anInProgressFeatureIsNotOfferedStartAgain() {
        assertThat(FeatureActions.allowed(Status.IN_PROGRESS)).containsExactly("complete", "block");
        assertThat(FeatureActions.applies("start", Status.IN_PROGRESS)).isFalse();
    }

    @Test
    void everyOfferedCommandIsTakenAndEveryOtherRefusedAndLandsInItsColumn() {
        for (Status status : Status.values()) {
            for (String verb : FeatureActions.VERBS) {
                Feature f = in(status);
                if (FeatureActions.applies(verb, status)) {
                    ijoka.features().apply(command(verb, f));
                    assertThat(ijoka.features().get(f.id()).status()).as(verb + " from " + status)
                            .isEqualTo(FeatureActions.target(verb));
                } else if (!(verb.equals("start") && status == Status.IN_PROGRESS)) { // a session's re-claim
                    assertThatThrownBy(() -> ijoka.features().apply(command(verb, f))).as(verb + " from " + status)
                            .isInstanceOf(IllegalTransitionException.class);
                }
            }
        }
    }
}
