package dev.ijoka.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

/** The ssh and https spellings of one repository normalize to one identity, without credentials. */
class RemoteUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "git@github.com:acme/shop.git",
            "git@github.com:acme/shop",
            "ssh://git@github.com/acme/shop",
            "ssh://git@github.com:22/acme/shop.git",
            "git+ssh://git@github.com/acme/shop.git",
            "https://github.com/acme/shop.git",
            "https://github.com/acme/shop",
            "https://user:token@github.com/acme/shop/",
            "https://ghp_secret@GitHub.COM/acme/shop.git/",
            "http://github.com:80/acme/shop",
            "git://github.com/acme/shop.git",
            "  https://github.com/acme/shop.git\n",
    })
    void everySpellingOfOneRepositoryIsOneIdentity(String url) {
        assertThat(RemoteUrls.normalize(url)).contains("github.com/acme/shop");
    }

    @Test
    void thePathKeepsItsCaseAndItsDepth() {
        assertThat(RemoteUrls.normalize("https://gitlab.example.com/Group/Sub_Group/Shop.git"))
                .contains("gitlab.example.com/Group/Sub_Group/Shop");
        assertThat(RemoteUrls.normalize("git@gitlab.example.com:Group/sub/shop.git")).contains("gitlab.example.com/Group/sub/shop");
        assertThat(RemoteUrls.normalize("https://github.com/Acme/Shop")).isNotEqualTo(RemoteUrls.normalize("https://github.com/acme/shop"));
        assertThat(RemoteUrls.normalize("ssh://git@[::1]:2222/srv/shop.git")).contains("[::1]/srv/shop");
    }

    @Test
    void aSelfHostedServersSshPortIsNotPartOfTheIdentity() {
        assertThat(RemoteUrls.normalize("ssh://git@git.example.com:2222/team/shop.git"))
                .isEqualTo(RemoteUrls.normalize("https://git.example.com/team/shop"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "/srv/git/shop.git", "../shop.git", "./shop", "file:///srv/git/shop.git", "C:\\repos\\shop",
            "C:/repos/shop", "https://github.com", "https://github.com/", "git@github.com:", "git@github.com:.git",
            "not a url", "https://bad host/x", "https:///acme/shop",
    })
    void aLocalPathOrSomethingElseIsNoRemoteIdentity(String url) {
        assertThat(RemoteUrls.normalize(url)).isEmpty();
    }

    // --- properties ---------------------------------------------------------------------------------

    private static final String HOST_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
    private static final String PATH_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
    private static final String SECRET_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

    /** One repository, spelled several ways, with a user and a token that must never reach the identity. */
    private record Repo(String host, List<String> segments, String user, String token, int port) {
        String path() {
            return String.join("/", segments);
        }
    }

    private static Gen<String> word(String chars, int min, int max) {
        return lists().of(integers().between(0, chars.length() - 1)).ofSizeBetween(min, max)
                .map(is -> is.stream().map(i -> String.valueOf(chars.charAt(i))).reduce("", String::concat));
    }

    /** A host label: starts and ends with a letter, so that it is never a drive letter, an IP or a bare dot. */
    private static Gen<String> hosts() {
        return lists().of(word(HOST_CHARS, 1, 8).map(w -> "h" + w + "x")).ofSizeBetween(1, 3).map(ls -> String.join(".", ls));
    }

    /** A path segment: never empty, never "." or "..", never ending in ".git". */
    private static Gen<String> segments() {
        return word(PATH_CHARS, 0, 10).map(w -> "r" + w + "z");
    }

    private static Gen<Repo> repos() {
        return hosts().zip(lists().of(segments()).ofSizeBetween(1, 4), word(SECRET_CHARS, 1, 10), word(SECRET_CHARS, 8, 24),
                integers().between(1, 65535), Repo::new);
    }

    @Test
    void sshScpHttpsAndCredentialSpellingsNormalizeAlike() {
        qt().withExamples(500).forAll(repos()).checkAssert(r -> {
            List<String> spellings = List.of(
                    r.user() + "@" + r.host() + ":" + r.path() + ".git",
                    r.host() + ":" + r.path(),
                    "ssh://" + r.user() + "@" + r.host() + ":" + r.port() + "/" + r.path(),
                    "ssh://" + r.host() + "/" + r.path() + ".git/",
                    "https://" + r.host().toUpperCase(Locale.ROOT) + "/" + r.path() + ".git",
                    "https://" + r.user() + ":" + r.token() + "@" + r.host() + "/" + r.path() + "/",
                    "https://" + r.token() + "@" + r.host() + ":" + r.port() + "/" + r.path());
            String expected = r.host().toLowerCase(Locale.ROOT) + "/" + r.path();
            for (String spelling : spellings) {
                Optional<String> identity = RemoteUrls.normalize(spelling);
                assertThat(identity).as(spelling).contains(expected);
                assertThat(identity.get()).as("no credentials in %s", identity.get())
                        .doesNotContain(r.token()).doesNotContain("@").doesNotContain("://");
                assertThat(identity.get()).doesNotEndWith("/").doesNotEndWith(".git");
            }
        });
    }

    @Test
    void repositoriesThatDifferInTheirPathOrHostStayApart() {
        qt().withExamples(300).forAll(repos(), repos()).assuming((a, b) -> !a.host().equalsIgnoreCase(b.host())
                || !a.path().equals(b.path())).checkAssert((a, b) ->
                assertThat(RemoteUrls.normalize("https://" + a.host() + "/" + a.path()))
                        .isNotEqualTo(RemoteUrls.normalize("git@" + b.host() + ":" + b.path() + ".git")));
    }

    @Test
    void aRemoteIdentityNeverLooksLikeAPath() {
        qt().withExamples(300).forAll(repos()).checkAssert(r -> {
            ProjectIdentity id = ProjectIdentity.ofRemote("git@" + r.host() + ":" + r.path()).orElseThrow();
            assertThat(id.isRemote()).as(id.value()).isTrue();
        });
        assertThat(ProjectIdentity.ofRoot(java.nio.file.Path.of("/home/dev/shop")).isRemote()).isFalse();
    }
}
