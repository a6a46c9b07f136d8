package io.masscast.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.text.Markup;
import org.junit.jupiter.api.Test;

class SlackTextTest {

    @Test
    void mrkdwnRendersTheCoresMarkupAndShowsEverythingElseLiterally() {
        assertThat(SlackText.mrkdwn(Markup.person("U123") + " approved <!channel> & <https://x.example|click> <@U9>"))
                .isEqualTo("<@U123> approved &lt;!channel&gt; &amp; &lt;https://x.example|click&gt; &lt;@U9&gt;");
        assertThat(SlackText.mrkdwn("for " + Markup.group("S1") + ": " + Markup.strong("12 buyers") + " *not bold*"))
                .isEqualTo("for <!subteam^S1>: *12 buyers* *not bold*");
    }

    @Test
    void aCommandLineIsReadBackToWhatWasTyped() {
        assertThat(SlackText.commandLine("new text=\"Tom &amp; Jerry &lt;3\" media=<https://cdn.example.com/a.jpg>"))
                .isEqualTo("new text=\"Tom & Jerry <3\" media=https://cdn.example.com/a.jpg");
        assertThat(SlackText.commandLine("new media=<https://cdn.example.com/a.jpg|cdn.example.com/a.jpg>"))
                .isEqualTo("new media=https://cdn.example.com/a.jpg");
    }

    @Test
    void mentionsInACommandLineBecomeTheCoresMentions() {
        assertThat(SlackText.commandLine("bind approvers=<@U1|bob>,<!subteam^S1|@team>,<@U2>"))
                .isEqualTo(
                        "bind approvers=" + Markup.person("U1") + "," + Markup.group("S1") + "," + Markup.person("U2"));
        assertThat(SlackText.commandLine(null)).isEmpty();
    }

    @Test
    void fitCutsWithAnEllipsisAndNeverSplitsAnEmoji() {
        assertThat(SlackText.fit("short", 10)).isEqualTo("short");
        assertThat(SlackText.fit("abcdefghijk", 5)).isEqualTo("abcd…");
        assertThat(SlackText.fit("abc🔥def", 5)).isEqualTo("abc…");
    }
}
