package io.masscast.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonStringsTest {

    @Test
    void anEmptyListIsAnEmptyArray() {
        assertThat(JsonStrings.encode(List.of())).isEqualTo("[]");
        assertThat(JsonStrings.decode("[]")).isEmpty();
    }

    @Test
    void valuesAreWrittenAsJsonStrings() {
        assertThat(JsonStrings.encode(List.of("fans", "a,\"b\"", "x\\y\n")))
                .isEqualTo("[\"fans\",\"a,\\\"b\\\"\",\"x\\\\y\\n\"]");
    }

    @Test
    void hardValuesRoundTripExactly() {
        List<String> values = List.of(
                "",
                " ",
                ",",
                "\"",
                "\\",
                "[\"]",
                "line\nbreak\r\n",
                "tab\t",
                "\u0000\u001f",
                "😘🥇",
                "عربي",
                "\\u0041",
                "/");

        assertThat(JsonStrings.decode(JsonStrings.encode(values))).isEqualTo(values);
    }

    @Test
    void otherWellFormedJsonArraysOfStringsAreRead() {
        assertThat(JsonStrings.decode(" [ \"a\" , \"\\u00e9\\/\" ] ")).containsExactly("a", "é/");
    }

    @Test
    void malformedTextIsRefusedWithoutEchoingIt() {
        for (String malformed :
                List.of("", "[", "[\"secret", "[\"a\"", "[\"a\",]", "[1]", "[\"a\"] x", "[\"\\q\"]", "[\"\\u12\"]")) {
            assertThatThrownBy(() -> JsonStrings.decode(malformed))
                    .as(malformed)
                    .isInstanceOf(IllegalArgumentException.class)
                    .message()
                    .doesNotContain("secret");
        }
    }
}
