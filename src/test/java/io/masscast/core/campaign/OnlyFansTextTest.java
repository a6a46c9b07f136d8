package io.masscast.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OnlyFansTextTest {

    @Test
    void htmlAndTheTextAsWrittenNormaliseAlike() {
        assertThat(OnlyFansText.normalise("<p>New set is up 🔥</p><p>first <strong>2</strong> pics free</p>"))
                .isEqualTo(OnlyFansText.normalise("New set is up 🔥\nfirst 2 pics free"))
                .isEqualTo("New set is up 🔥 first 2 pics free");
    }

    @Test
    void entitiesAreDecodedBeforeTagsAreRemoved() {
        assertThat(OnlyFansText.normalise("Tom &amp; Jerry &lt;3 &quot;x&quot; &#39;y&#39;"))
                .isEqualTo("Tom & Jerry <3 \"x\" 'y'");
        assertThat(OnlyFansText.normalise("a &lt;b&gt; c")).isEqualTo(OnlyFansText.normalise("a <b> c"));
    }

    @Test
    void aLoneAngleBracketIsText() {
        assertThat(OnlyFansText.normalise("I <3 you > all")).isEqualTo("I <3 you > all");
    }
}
