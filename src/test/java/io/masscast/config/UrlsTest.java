package io.masscast.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:postgresql://db/masscast?user=app&password=pw_s3cr3t&ssl=true | jdbc:postgresql://db/masscast?user=app&password=****&ssl=true",
                "jdbc:postgresql://db/masscast?sslpassword=pw_s3cr3t | jdbc:postgresql://db/masscast?sslpassword=****",
                "jdbc:postgresql://app:pw_s3cr3t@db:5432/masscast | jdbc:postgresql://app:****@db:5432/masscast",
                "jdbc:postgresql://app:p@ss_s3cr3t@db/masscast | jdbc:postgresql://app:****@db/masscast",
                "jdbc:sqlite:file:masscast.db?cipher=sqlcipher&key=k_s3cr3t | jdbc:sqlite:file:masscast.db?cipher=sqlcipher&key=****",
                "jdbc:sqlite:masscast.db | jdbc:sqlite:masscast.db",
            })
    void redactHidesPasswordsAndKeysInUrls(String url, String redacted) {
        assertThat(Urls.redact(url)).isEqualTo(redacted).doesNotContain("s3cr3t");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:postgresql://db/masscast?user=app&password=pw | true",
                "jdbc:postgresql://db/masscast?PASSWORD=pw | true",
                "jdbc:postgresql://app:pw@db/masscast | true",
                "jdbc:postgresql://db/masscast?sslpassword=pw | false",
                "jdbc:postgresql://app@db/masscast?user=app | false",
            })
    void carriesPasswordSpotsTheLoginPasswordOnly(String url, boolean carriesPassword) {
        assertThat(Urls.carriesPassword(url)).isEqualTo(carriesPassword);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "api.ofauth.com | must start with http:// or https://",
                "ftp://api.ofauth.com | must start with http:// or https://",
                "https:///v2 | has no valid host name",
                "https://me:pw@api.ofauth.com | must not contain a user name or password",
                "https://api.ofauth.com/?x=1 | must not have a query (?…) or fragment (#…)",
            })
    void httpProblemSaysWhyAUrlIsNoBaseUrl(String url, String problem) {
        assertThat(Urls.httpProblem(URI.create(url))).contains(problem);
    }

    @Test
    void aBaseUrlGetsATrailingSlash() {
        assertThat(Urls.requireHttpBase(URI.create("https://api.ofauth.com"), "x"))
                .hasToString("https://api.ofauth.com/");
        assertThat(Urls.requireHttpBase(URI.create("http://127.0.0.1:9/api"), "x"))
                .hasToString("http://127.0.0.1:9/api/");
        assertThat(Urls.requireHttpBase(URI.create("https://slack.com/api/"), "x"))
                .hasToString("https://slack.com/api/");
    }

    @Test
    void requireHttpBaseRefusesOtherSchemes() {
        assertThatThrownBy(() -> Urls.requireHttpBase(URI.create("ws://x/"), "Slack API URL"))
                .hasMessage("Slack API URL must start with http:// or https://");
    }
}
