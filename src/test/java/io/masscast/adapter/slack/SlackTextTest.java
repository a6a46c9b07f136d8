package io.masscast.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackTextTest {

    @Test
    void mrkdwnShowsMarkupLiterallyButKeepsUserMentions() {
        assertThat(SlackText.mrkdwn("<@U123> approved <!channel> & <https://x.example|click>"))
                .isEqualTo("<@U123> approved &lt;!channel&gt; &amp; &lt;https://x.example|click&gt;");
    }

    @Test
    void aCommandLineIsReadBackToWhatWasTyped() {
        assertThat(SlackText.commandLine("new text=\"Tom &amp; Jerry &lt;3\" media=<https://cdn.example.com/a.jpg>"))
                .isEqualTo("new text=\"Tom & Jerry <3\" media=https://cdn.example.com/a.jpg");
        assertThat(SlackText.commandLine("new media=<https://cdn.example.com/a.jpg|cdn.example.com/a.jpg>"))
                .isEqualTo("new media=https://cdn.example.com/a.jpg");
    }

    @Test
    void mentionsInACommandLineStayForTheCore() {
        assertThat(SlackText.commandLine("bind approvers=<@U1|bob>,<!subteam^S1|@team>"))
                .isEqualTo("bind approvers=<@U1|bob>,<!subteam^S1|@team>");
        assertThat(SlackText.commandLine(null)).isEmpty();
    }

    @Test
    void fitCutsWithAnEllipsisAndNeverSplitsAnEmoji() {
        assertThat(SlackText.fit("short", 10)).isEqualTo("short");
        assertThat(SlackText.fit("abcdefghijk", 5)).isEqualTo("abcd…");
        assertThat(SlackText.fit("abc🔥def", 5)).isEqualTo("abc…");
    }
}
