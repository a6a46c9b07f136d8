package io.masscast.adapter.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.masscast.core.command.ActionId;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The small modal a Reject button opens: one required field for the reason the requester will read. */
final class RejectModal {
    static final String CALLBACK_ID = "masscast_reject";
    static final String REASON = "reason";
    private static final int REASON_MAX = 500;

    /** The card's channel and the clicked button, remembered until the reason comes back. */
    record Context(ChannelRef channel, ActionId action) {
        String encode() {
            return PrivateMetadata.encode(
                    Map.of("team", channel.workspaceId(), "channel", channel.channelId(), "action", action.encode()));
        }

        static Context decode(String metadata) {
            Map<String, String> values = PrivateMetadata.decode(metadata);
            ActionId action =
                    ActionId.decode(values.get("action")).orElseThrow(() -> new MalformedPayload("unreadable action"));
            try {
                return new Context(new ChannelRef(Platform.SLACK, values.get("team"), values.get("channel")), action);
            } catch (IllegalArgumentException e) {
                throw new MalformedPayload("unreadable reject metadata");
            }
        }
    }

    View render(Context context) {
        return view(v -> v.type("modal")
                .callbackId(CALLBACK_ID)
                .title(viewTitle(t -> t.type("plain_text").text("Reject")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Reject")))
                .close(viewClose(c -> c.type("plain_text").text("Back")))
                .privateMetadata(context.encode())
                .blocks(List.of(input(i -> i.blockId(REASON)
                        .label(plainText("Why is it rejected?"))
                        .hint(plainText("The requester reads this on the card."))
                        .element(PlainTextInputElement.builder()
                                .actionId(REASON)
                                .multiline(true)
                                .maxLength(REASON_MAX)
                                .build())))));
    }

    static String reason(ViewState state) {
        return Optional.ofNullable(MalformedPayload.require(state, "view state").getValues())
                .map(blocks -> blocks.get(REASON))
                .map(actions -> actions.get(REASON))
                .map(ViewState.Value::getValue)
                .map(String::strip)
                .orElse("");
    }
}
