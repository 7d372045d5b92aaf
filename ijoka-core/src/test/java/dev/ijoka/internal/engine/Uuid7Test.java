package dev.ijoka.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** UUIDv7 ids (RFC 9562): unique, version 7, variant 2, ordered by the time they were made. */
class Uuid7Test {

    @Test
    void idsAreUniqueEvenWithinOneMillisecond() {
        Uuid7 ids = new Uuid7(MutableClock.at("2026-03-02T09:00:00Z"));
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(ids.newId())).isTrue();
        }
    }

    @Test
    void idsAreVersion7WithTheRfcVariantInCanonicalForm() {
        Uuid7 ids = new Uuid7(InstantSource.system());

        for (int i = 0; i < 1_000; i++) {
            String id = ids.newId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        }
    }

    @Test
    void theFirst48BitsAreTheUnixMilliseconds() {
        Instant at = Instant.parse("2026-03-02T09:00:00.123Z");

        UUID uuid = UUID.fromString(new Uuid7(new MutableClock(at)).newId());

        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void idsMadeLaterSortAfterIdsMadeEarlier() {
        MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
        Uuid7 ids = new Uuid7(clock);
        List<String> made = new ArrayList<>();

        for (int i = 0; i < 1_000; i++) {
            made.add(ids.newId());
            clock.advance(Duration.ofMillis(1 + i % 3));
        }

        assertThat(made).isSorted();
    }
}
