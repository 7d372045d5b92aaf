package dev.ijoka.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.store.jooq.internal.EpochNanos;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpochNanosTest {

    private final EpochNanos converter = new EpochNanos();

    @Test
    void instantsRoundTripToTheNanosecondBeforeAndAfterTheEpoch() {
        for (Instant i : new Instant[] {Instant.parse("2025-03-01T10:15:30.123456789Z"), Instant.EPOCH,
                Instant.parse("1969-12-31T23:59:59.999999999Z"), EpochNanos.MIN, EpochNanos.MAX}) {
            assertThat(converter.from(converter.to(i))).isEqualTo(i);
        }
        assertThat(converter.to(null)).isNull();
        assertThat(converter.from(null)).isNull();
    }

    @Test
    void integerOrderIsTimeOrder() {
        Instant a = Instant.parse("1969-12-31T23:59:59.5Z");
        assertThat(EpochNanos.toNanos(a)).isLessThan(EpochNanos.toNanos(a.plusNanos(1)));
    }

    @Test
    void anInstantOutsideTheRangeIsRefusedWhenStoredAndClampedWhenCompared() {
        assertThatThrownBy(() -> EpochNanos.toNanos(Instant.MAX)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2262");
        assertThat(EpochNanos.clamp(Instant.MAX)).isEqualTo(EpochNanos.MAX);
        assertThat(EpochNanos.clamp(Instant.MIN)).isEqualTo(EpochNanos.MIN);
        assertThat(EpochNanos.clamp(Instant.EPOCH)).isEqualTo(Instant.EPOCH);
    }
}
