package io.masscast.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.masscast.core.campaign.Mention;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ChatImage;
import io.masscast.core.model.Platform;
import io.masscast.core.port.NotDelivered;
import io.masscast.core.text.Markup;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notes and channel messages go out at most once: the outbox retries one only when Discord certainly did not post
 * it ({@link NotDelivered}: Discord refused it, or it never left); a failure after it may have been posted is not
 * that, so the outbox does not post it again.
 */
class DiscordNotifierTest {
    /** A PNG's signature and nothing more: what ChatImage checks. */
    private static final byte[] SMALLEST_PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    private DiscordTestBed bed;

    @BeforeEach
    void start() {
        bed = DiscordTestBed.start();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void aChannelMessageGoesIntoTheChannelWithItsMarkupRendered() {
        bed.adapter
                .notifier()
                .postMessage(
                        DiscordTestBed.CHANNEL,
                        "OFAuth connection of " + Mention.of("900000000000000001") + " is back: " + "*sends resume*");

        FakeDiscordChannels.Call posted = bed.discord.calls("post").get(0);
        assertThat(posted.channelId()).isEqualTo(DiscordEvents.CHANNEL);
        assertThat(posted.content())
                .isEqualTo("OFAuth connection of <@900000000000000001> is back: \\*sends resume\\*");
    }

    @Test
    void aDigestsChartIsAnAttachmentWithItsAltTextAndTheCaptionAsTheMessage() {
        bed.adapter
                .notifier()
                .postImage(
                        DiscordTestBed.CHANNEL,
                        Markup.strong("Yesterday") + ": $1,234 from 3 sends",
                        new ChatImage("digest.png", "Revenue per day, last 14 days", SMALLEST_PNG));

        FakeDiscordChannels.Call posted = bed.discord.calls("post").get(0);
        assertThat(posted.content()).isEqualTo("**Yesterday**: $1,234 from 3 sends");
        DataObject attachment = posted.json().getArray("attachments").getObject(0);
        assertThat(attachment.getString("filename")).isEqualTo("digest.png");
        assertThat(attachment.getString("description")).isEqualTo("Revenue per day, last 14 days");
    }

    @Test
    void aCardsLinkIsDiscordsLinkToTheMessage() {
        assertThat(bed.adapter.notifier().permalink(DiscordTestBed.CHANNEL, "1300000000000000001"))
                .contains("https://discord.com/channels/" + DiscordEvents.GUILD + "/" + DiscordEvents.CHANNEL
                        + "/1300000000000000001");
    }

    @Test
    void aPostDiscordRefusesOrThatNeverLeftIsNotDelivered() {
        ChannelRef unseen = new ChannelRef(Platform.DISCORD, DiscordEvents.GUILD, "1299999999999999999");
        bed.discord.failNextPost(FakeDiscordChannels.answered(ErrorResponse.MISSING_PERMISSIONS, false));

        assertThatThrownBy(() -> bed.adapter.notifier().postMessage(DiscordTestBed.CHANNEL, "hello"))
                .isInstanceOf(NotDelivered.class)
                .hasMessageContaining("50013");
        assertThatThrownBy(() -> bed.adapter.notifier().postNote(unseen, Optional.of("1300000000000000001"), "hello"))
                .isInstanceOf(NotDelivered.class)
                .hasMessageContaining("does not see this channel");
        assertThatThrownBy(() -> bed.adapter
                        .notifier()
                        .postNote(DiscordTestBed.CHANNEL, Optional.of("1300000000000000999"), "hi"))
                .as("the card to start the thread on is gone")
                .isInstanceOf(NotDelivered.class);
    }

    @Test
    void aPostThatMayHaveArrivedIsNotRetried() {
        bed.discord.failNextPost(FakeDiscordChannels.answered(ErrorResponse.SERVER_ERROR, true));
        assertThatThrownBy(() -> bed.adapter.notifier().postMessage(DiscordTestBed.CHANNEL, "hello"))
                .isInstanceOf(DiscordCallFailed.class)
                .isNotInstanceOf(NotDelivered.class);

        bed.discord.failNextPost(new UncheckedIOException(new SocketTimeoutException("read timed out")));
        assertThatThrownBy(() -> bed.adapter.notifier().postMessage(DiscordTestBed.CHANNEL, "hello"))
                .isInstanceOf(DiscordCallFailed.class)
                .hasMessageContaining("UncheckedIOException");
        assertThat(bed.discord.calls("post")).isEmpty();
    }
}
