package dev.ijoka.swing.internal.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** IJOKA_THEME chooses the theme whatever the desktop says; the desktop's own answer is read where there is one. */
class ThemesTest {

    @Test
    void theVariableChoosesLightOrDark() {
        assertThat(Themes.startDark(Map.of("IJOKA_THEME", "dark"))).isTrue();
        assertThat(Themes.startDark(Map.of("IJOKA_THEME", " DARK "))).isTrue();
        assertThat(Themes.startDark(Map.of("IJOKA_THEME", "light"))).isFalse();
    }

    @Test
    void withoutTheVariableTheDesktopDecidesAndSilenceMeansLight() {
        // The test session's private bus has no appearance portal; whatever gsettings says (if installed) decides.
        boolean expected = Themes.desktopPrefersDark().orElse(false);
        assertThat(Themes.startDark(Map.of())).isEqualTo(expected);
    }
}
