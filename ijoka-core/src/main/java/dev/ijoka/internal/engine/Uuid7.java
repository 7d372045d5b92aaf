package dev.ijoka.internal.engine;

import dev.ijoka.spi.IdSource;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids sort by creation time,
 * which keeps B-tree inserts local in SQL stores.
 */
public final class Uuid7 implements IdSource {

    private final SecureRandom random = new SecureRandom();
    private final InstantSource clock;

    public Uuid7(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public String newId() {
        long millis = clock.millis();
        long randA = random.nextLong() & 0xFFFL;
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
