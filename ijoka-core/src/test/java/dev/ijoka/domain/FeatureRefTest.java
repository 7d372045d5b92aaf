package dev.ijoka.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What people and agents type to name a feature. */
class FeatureRefTest {

    private static final ProjectId P = ProjectId.of("p1");

    @ParameterizedTest
    @ValueSource(strings = {"#12", "12", " #12 ", "\t12\n", "#012"})
    void aNumberWithOrWithoutHashIsAFeatureNumber(String text) {
        assertThat(FeatureRef.parse(P, text)).isEqualTo(new FeatureRef.Number(P, 12));
    }

    @Test
    void aNumberPrintsAsPeopleWriteIt() {
        assertThat(new FeatureRef.Number(P, 7)).hasToString("#7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0191d2b4-7c3e-7a10-9f00-123456789abc", "f-12", "12a"})
    void anythingElseIsAFeatureId(String text) {
        assertThat(FeatureRef.parse(P, text)).isEqualTo(new FeatureId(text));
    }

    @Test
    void anIdIsTrimmed() {
        assertThat(FeatureRef.parse(P, "  abc  ")).isEqualTo(FeatureId.of("abc"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''             | a feature reference must not be blank: give #number or an id
            '   '          | a feature reference must not be blank: give #number or an id
            '#'            | '#' is not a feature number: write #12
            '#abc'         | '#abc' is not a feature number: write #12
            '#-3'          | '#-3' is not a feature number: write #12
            '#0'           | feature numbers start at 1, got 0
            '0'            | feature numbers start at 1, got 0
            '#99999999999' | feature number #99999999999 is too large
            """)
    void badInputIsRefusedSayingWhatToWrite(String text, String message) {
        assertThatThrownBy(() -> FeatureRef.parse(P, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void aBlankIdIsRefused() {
        assertThatThrownBy(() -> FeatureId.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
