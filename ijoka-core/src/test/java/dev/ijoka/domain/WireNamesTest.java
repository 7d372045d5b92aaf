package dev.ijoka.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.event.EventType;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lower-case names enums have on the wire, and the errors that list what is allowed. */
class WireNamesTest {

    static Stream<Arguments> enums() {
        return Stream.of(
                Arguments.of(Status.class, (Function<String, Object>) Status::fromWire,
                        "unknown status 'done': use one of pending, in_progress, blocked, complete"),
                Arguments.of(Category.class, (Function<String, Object>) Category::fromWire,
                        "unknown category 'done': use one of functional, ui, security, performance, documentation, "
                                + "testing, infrastructure, refactoring"),
                Arguments.of(Kind.class, (Function<String, Object>) Kind::fromWire,
                        "unknown kind 'done': use one of feature, bug, chore, spike, epic"),
                Arguments.of(DependencyKind.class, (Function<String, Object>) DependencyKind::fromWire,
                        "unknown dependency kind 'done': use one of blocks, related"),
                Arguments.of(Enforcement.class, (Function<String, Object>) Enforcement::fromWire,
                        "unknown enforcement 'done': use one of warn, deny"),
                Arguments.of(InsightKind.class, (Function<String, Object>) InsightKind::fromWire,
                        "unknown insight kind 'done': use one of solution, anti_pattern, best_practice, tool_usage"),
                Arguments.of(WipScope.class, (Function<String, Object>) WipScope::fromWire,
                        "unknown WIP scope 'done': use one of project, session"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void everyConstantReadsBackFromItsWireName(Class<? extends Enum<?>> type, Function<String, Object> fromWire, String unused) {
        for (Enum<?> constant : type.getEnumConstants()) {
            String wire = constant.name().toLowerCase(java.util.Locale.ROOT);
            assertThat(fromWire.apply(wire)).isSameAs(constant);
            assertThat(fromWire.apply(" " + wire.toUpperCase(java.util.Locale.ROOT).replace('_', '-') + " ")).isSameAs(constant);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void anUnknownNameIsRefusedListingTheAllowedOnes(Class<? extends Enum<?>> type, Function<String, Object> fromWire,
            String message) {
        assertThatThrownBy(() -> fromWire.apply("done"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void wireNamesAreLowerCaseWithUnderscores() {
        assertThat(Status.IN_PROGRESS.wireName()).isEqualTo("in_progress");
        assertThat(InsightKind.ANTI_PATTERN.wireName()).isEqualTo("anti_pattern");
        assertThat(SessionState.IDLE.wireName()).isEqualTo("idle");
        assertThat(EventType.CLAIM_TAKEN_OVER.wireName()).isEqualTo("claim_taken_over");
    }

    @Test
    void eventTypesReadBackAndAnUnknownOneListsTheAllowedOnes() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.fromWire(type.wireName())).isSameAs(type);
        }
        assertThatThrownBy(() -> EventType.fromWire("feature_deleted"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown event type 'feature_deleted': use one of agent_stopped, claim_expired, ")
                .hasMessageContaining("feature_started")
                .hasMessageEndingWith("tool_used");
    }

    @Test
    void everyEventTypeNamesThePayloadThatCarriesIt() throws Exception {
        for (EventType type : EventType.values()) {
            assertThat(type.payloadType().isRecord()).as("%s payload is a record", type).isTrue();
        }
    }
}
