package dev.ijoka.swing.internal.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class DeepLinkTest {

    @Test
    void anOpenProjectLinkIsPercentDecodedToAnAbsoluteFolder() {
        assertThat(DeepLink.parse("ijoka://open-project?path=%2Fhome%2Fme%2Fmy%20shop%C3%A9"))
                .isEqualTo(new DeepLink.OpenProject(Path.of("/home/me/my shopé")));
        assertThat(DeepLink.parse("IJOKA://open-project/?path=/srv/a/../b"))
                .isEqualTo(new DeepLink.OpenProject(Path.of("/srv/b")));
        assertThat(DeepLink.parse("ijoka://open-project?path=/tmp/a+b"))
                .as("'+' is a plus, not a space")
                .isEqualTo(new DeepLink.OpenProject(Path.of("/tmp/a+b")));
    }

    @Test
    void aFeatureLinkNamesAProjectAndANumberOrId() {
        assertThat(DeepLink.parse("ijoka://feature/shop/12")).isEqualTo(new DeepLink.OpenFeature("shop", "12"));
        assertThat(DeepLink.parse("ijoka://feature/my%20shop/%2312")).isEqualTo(new DeepLink.OpenFeature("my shop", "#12"));
        assertThat(DeepLink.parse("ijoka://feature/0190a1b2-c3d4/0190a1b2-eeee"))
                .isEqualTo(new DeepLink.OpenFeature("0190a1b2-c3d4", "0190a1b2-eeee"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://example.com/feature/shop/12 | is not an ijoka:// link",
            "ijoka:feature/shop/12                | is not an ijoka:// link",
            "ijoka://                             | names no action",
            "ijoka://delete/shop/12               | Unknown link action 'delete'",
            "ijoka://open-project                 | missing ?path=<folder>",
            "ijoka://open-project/home/me         | put the folder in ?path=<folder>",
            "ijoka://open-project?folder=/x       | exactly one parameter, path=<folder>",
            "ijoka://open-project?path=/x&path=/y | exactly one parameter, path=<folder>",
            "ijoka://open-project?path=           | path is empty",
            "ijoka://open-project?path=code/shop  | is relative; give the absolute folder",
            "ijoka://open-project?path=%2         | bad percent-encoding at '%2'",
            "ijoka://open-project?path=%zz        | bad percent-encoding",
            "ijoka://open-project?path=%C3%28     | not UTF-8",
            "ijoka://open-project?path=/a%00b     | control character",
            "ijoka://feature                      | missing /<project>/<number or id>",
            "ijoka://feature/shop                 | missing the feature after the project",
            "ijoka://feature/shop/                | feature is empty",
            "ijoka://feature//12                  | project is empty",
            "ijoka://feature/shop/12/steps        | has 3 parts after feature/, and takes two",
            "ijoka://feature/shop/12?x=1          | takes no parameters",
            "ijoka://feature/shop/#12             | fragment",
            "ijoka://feature/my shop/12           | space or control character at position 19",
    })
    void aMalformedLinkIsRefusedWithWhatIsWrongAndWhatAGoodLinkLooksLike(String link, String why) {
        assertThatThrownBy(() -> DeepLink.parse(link))
                .isInstanceOf(MalformedLinkException.class)
                .hasMessageContaining(why)
                .hasMessageEndingWith(DeepLink.GOOD_LINKS);
    }

    @Test
    void anOverLongLinkIsRefusedUnread() {
        String link = "ijoka://feature/shop/" + "1".repeat(DeepLink.MAX_LENGTH);
        assertThatThrownBy(() -> DeepLink.parse(link))
                .isInstanceOf(MalformedLinkException.class)
                .hasMessageContaining("more than the 4096 a link may have");
    }

    @Test
    void parsingAnyTextEitherGivesALinkOrTheDocumentedError() {
        qt().withExamples(5000).forAll(anyText()).checkAssert(text -> {
            try {
                DeepLink link = DeepLink.parse(text);
                assertThat(link).isNotNull();
            } catch (MalformedLinkException e) {
                assertThat(e.getMessage()).endsWith(DeepLink.GOOD_LINKS);
            }
        });
    }

    @Test
    void aFeatureLinkBuiltFromAnyNamesReadsBackToThoseNames() {
        Gen<String> names = strings().basicLatinAlphabet().ofLengthBetween(1, 30)
                .mix(strings().betweenCodePoints(0xA0, 0xD7FF).ofLengthBetween(1, 30), 30);
        qt().withExamples(2000).forAll(names, names).assuming((p, f) -> clean(p) && clean(f))
                .checkAssert((project, feature) -> assertThat(DeepLink.parse(
                        "ijoka://feature/" + encode(project) + "/" + encode(feature)))
                        .isEqualTo(new DeepLink.OpenFeature(project.strip(), feature.strip())));
    }

    /** Text near links, so that most examples get past the scheme: prefixes of good links plus random tails. */
    private static Gen<String> anyText() {
        Gen<String> prefixes = Generate.pick(java.util.List.of("", "ijoka://", "IJOKA://feature/", "ijoka://feature/shop/",
                "ijoka://open-project?path=", "ijoka://open-project/?path=/", "ijoka://open-project?path=%"));
        Gen<String> tails = strings().betweenCodePoints(0, 0x10FFFF).ofLengthBetween(0, 40)
                .mix(strings().basicLatinAlphabet().ofLengthBetween(0, 40), 50)
                .mix(Generate.pick(java.util.List.of("%", "%C3", "%FF%FE", "/", "//", "?path=", "&", "#", "%2F..%2F")), 20);
        return prefixes.zip(tails, tails, (a, b, c) -> a + b + c);
    }

    private static boolean clean(String text) {
        return !text.strip().isEmpty() && text.chars().noneMatch(c -> c < ' ' || c == 0x7f)
                && text.codePoints().allMatch(Character::isValidCodePoint)
                && text.chars().noneMatch(c -> Character.isSurrogate((char) c));
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int v = b & 0xff;
            if (Character.isLetterOrDigit(v) && v < 0x80) {
                out.append((char) v);
            } else {
                out.append('%').append(String.format("%02X", v));
            }
        }
        return out.toString();
    }
}
