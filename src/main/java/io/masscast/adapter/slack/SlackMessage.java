package io.masscast.adapter.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * A message as Slack takes it: {@code text} (mrkdwn, also the notification fallback when there are blocks),
 * optional Block Kit {@code blocks}, and whether only the asker sees it.
 */
record SlackMessage(String text, List<LayoutBlock> blocks, boolean isPrivate) {
    SlackMessage {
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
    }

    static SlackMessage text(String mrkdwn, boolean isPrivate) {
        return new SlackMessage(mrkdwn, List.of(), isPrivate);
    }

    static SlackMessage privately(String mrkdwn) {
        return text(mrkdwn, true);
    }
}
