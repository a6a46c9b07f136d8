package io.masscast.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.masscast.core.campaign.Mention;
import io.masscast.core.model.Actor;
import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void textIsReadAsPlainSpansAndTokens() {
        String text =
                "Approved by " + Markup.person("U1") + " for " + Markup.group("S9") + ": " + Markup.strong("12 buyers");

        assertThat(Markup.parse(text))
                .containsExactly(
                        new Markup.Plain("Approved by "),
                        new Markup.Person("U1"),
                        new Markup.Plain(" for "),
                        new Markup.Group("S9"),
                        new Markup.Plain(": "),
                        new Markup.Strong("12 buyers"));
        assertThat(Markup.plain(text)).isEqualTo("Approved by @U1 for @&S9: 12 buyers");
    }

    @Test
    void strongTextMayHoldMentionsAndIsRenderedInside() {
        String text = Markup.strong("Digest asked for by " + Markup.person("U1")) + " · " + Markup.strong("*stars*");

        assertThat(Markup.parse(text))
                .containsExactly(
                        new Markup.Strong("Digest asked for by " + Markup.person("U1")),
                        new Markup.Plain(" · *stars*"));
        assertThat(Markup.plain(text)).isEqualTo("Digest asked for by @U1 · *stars*");
    }

    @Test
    void otherPlatformsSyntaxIsJustText() {
        String typed = "<@U1> *bold* <!subteam^S1> <@&2> ⟦not a token⟧ ⟦@⟧";

        assertThat(Markup.parse(typed)).containsExactly(new Markup.Plain(typed));
    }

    @Test
    void mentionNamesAGroupByItsReference() {
        assertThat(Mention.of("bob")).isEqualTo(Markup.person("bob"));
        assertThat(Mention.of(Actor.groupRef("S0TEAM"))).isEqualTo(Markup.group("S0TEAM"));
    }

    @Test
    void textFromOutsideCannotMentionAnyone() {
        String hostile = "VIP " + Markup.person("U0ADMIN") + " " + Markup.strong("whales");

        assertThat(Markup.parse(Markup.literal(hostile))).containsExactly(new Markup.Plain("VIP @U0ADMIN *whales*"));
    }

    @Test
    void anIdThatCouldBreakTheMarkupIsRefused() {
        assertThatThrownBy(() -> Markup.person("two words")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Markup.person("a⟧b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Markup.person("&S1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Markup.strong("a⟧b")).isEqualTo("a⟧b");
    }
}
