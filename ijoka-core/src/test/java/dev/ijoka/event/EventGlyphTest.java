package dev.ijoka.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventGlyphTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeHasAGlyphOfItsOwnKindNotTheFallbackDot(EventType type) {
        String glyph = EventGlyph.of(type);
        assertThat(glyph).isNotBlank().isNotEqualTo("•");
        assertThat(glyph.codePointCount(0, glyph.length())).isEqualTo(1);
    }

    @Test
    void theAgentsTodoEventsAreToldApartByShape() {
        assertThat(EventGlyph.of(EventType.TODO_ADDED))
                .isNotEqualTo(EventGlyph.of(EventType.TODO_CHANGED))
                .isNotEqualTo(EventGlyph.of(EventType.TODO_REMOVED));
        assertThat(EventGlyph.of(EventType.TODO_CHANGED)).isNotEqualTo(EventGlyph.of(EventType.TODO_REMOVED));
    }

    @Test
    void aTodoGlyphIsNotOneAFeatureOrStepEventAlreadyUses() {
        EnumSet<EventType> todos = EnumSet.of(EventType.TODO_ADDED, EventType.TODO_CHANGED, EventType.TODO_REMOVED);
        for (EventType other : EnumSet.complementOf(todos)) {
            for (EventType todo : todos) {
                assertThat(EventGlyph.of(todo)).as(todo + " against " + other).isNotEqualTo(EventGlyph.of(other));
            }
        }
    }
}
