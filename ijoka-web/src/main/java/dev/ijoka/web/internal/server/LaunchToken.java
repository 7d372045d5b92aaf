package dev.ijoka.web.internal.server;

import java.security.SecureRandom;
import java.util.Base64;

/** The per-launch secret that state-changing requests carry: 32 random bytes, URL-safe base64. */
public final class LaunchToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LaunchToken() {}

    public static String create() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
