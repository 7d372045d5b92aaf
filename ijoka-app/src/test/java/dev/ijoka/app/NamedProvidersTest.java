package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link Main} names instead of looking it up through {@code ServiceLoader}: the same as the lookup would find. */
class NamedProvidersTest {

    @Test
    void theNamedStoreProvidersAreTheOnesTheJarsServiceFilesList() throws IOException {
        List<String> listed = new ArrayList<>();
        for (URL file : Collections.list(getClass().getClassLoader().getResources("META-INF/services/dev.ijoka.spi.StoreProvider"))) {
            try (InputStream in = file.openStream()) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String name = line.replaceAll("#.*", "").strip();
                    if (!name.isEmpty()) {
                        listed.add(name);
                    }
                }
            }
        }
        assertThat(List.of(Main.SHIPPED_STORE_PROVIDERS.split(","))).containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void theLogProviderConfiguresLogbackAsLogSetupDoes() {
        String before = System.getProperty(LogSetup.LEVEL_PROPERTY);
        System.setProperty(LogSetup.LEVEL_PROPERTY, "DEBUG");
        try {
            LogProvider provider = new LogProvider();
            provider.initialize();
            LoggerContext context = (LoggerContext) provider.getLoggerFactory();
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(root.getAppender("stderr")).isNotNull();
            assertThat(context.getLogger("org.jooq.impl").getEffectiveLevel()).isEqualTo(Level.WARN);
            assertThat(context.isStarted()).isTrue();
            assertThat(provider.getMDCAdapter()).isNotNull();
            assertThat(provider.getMarkerFactory().getMarker("m").getName()).isEqualTo("m");
        } finally {
            if (before == null) {
                System.clearProperty(LogSetup.LEVEL_PROPERTY);
            } else {
                System.setProperty(LogSetup.LEVEL_PROPERTY, before);
            }
        }
    }
}
