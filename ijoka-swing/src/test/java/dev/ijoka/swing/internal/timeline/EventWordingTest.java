package dev.ijoka.swing.internal.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.event.EventGlyph;
import dev.ijoka.event.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventWordingTest {

    @Test
    void theAgentsTodoEventsHaveGlyphsOfTheirOwnNotTheFallbackDot() {
        assertThat(EventWording.icon(EventType.TODO_ADDED)).isNotEqualTo("•");
        assertThat(EventWording.icon(EventType.TODO_CHANGED)).isNotEqualTo("•");
        assertThat(EventWording.icon(EventType.TODO_REMOVED)).isNotEqualTo("•");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theTimelineDrawsTheCoresGlyph(EventType type) {
        assertThat(EventWording.icon(type)).isEqualTo(EventGlyph.of(type));
    }
}
