package io.masscast.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import io.masscast.core.command.ActionId;
import io.masscast.core.command.Card;
import io.masscast.core.command.CardAction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardRendererTest {
    private static final ActionId UNSEND = new ActionId(ActionId.Verb.UNSEND, 7, "ab12");

    @Test
    void shortFieldsSitSideBySideAndLongOnesGetTheirOwnLineInTheCoresOrder() {
        Card card = new Card(
                "MC-7 · sent",
                Card.Tone.GOOD,
                List.of(
                        new Card.Field("Creator", "Mila Rose"),
                        new Card.Field("Price", "$12.50 PPV"),
                        new Card.Field(
                                "Audience",
                                "VIP (1,234) · Whales (56) · excluding Churned (310) · only fans subscribed after 2026-01-01"),
                        new Card.Field("Status", "sent")),
                "",
                "",
                List.of());

        List<LayoutBlock> blocks = new CardRenderer().render(card, false).blocks();

        assertThat(blocks).hasSize(4);
        assertThat(((HeaderBlock) blocks.get(0)).getText().getText()).isEqualTo(":white_check_mark: MC-7 · sent");
        assertThat(((SectionBlock) blocks.get(1)).getFields()).hasSize(2);
        assertThat(((SectionBlock) blocks.get(2)).getText().getText()).startsWith("*Audience*\nVIP (1,234)");
        assertThat(((SectionBlock) blocks.get(3)).getFields())
                .singleElement()
                .satisfies(field -> assertThat(field.getText()).isEqualTo("*Status*\nsent"));
    }

    @Test
    void aDestructiveConfirmIsStyledDangerAndEveryTextFitsSlacksLimits() {
        Card card = new Card(
                "T".repeat(200),
                Card.Tone.NEUTRAL,
                List.of(),
                "x".repeat(4000),
                "MC-7",
                List.of(new CardAction(
                        "Unsend",
                        UNSEND,
                        CardAction.Style.DANGER,
                        Optional.of(
                                new CardAction.Confirm("Unsend MC-7?", "y".repeat(400), "Unsend", "Keep it", true)))));

        SlackMessage message = new CardRenderer().render(card, true);

        assertThat(message.isPrivate()).isTrue();
        assertThat(((HeaderBlock) message.blocks().get(0)).getText().getText()).hasSize(150);
        assertThat(((SectionBlock) message.blocks().get(1)).getText().getText()).hasSizeLessThanOrEqualTo(3000);
        ButtonElement button = (ButtonElement)
                ((ActionsBlock) message.blocks().get(3)).getElements().get(0);
        assertThat(button.getStyle()).isEqualTo("danger");
        assertThat(button.getValue()).isEqualTo(UNSEND.encode()).isEqualTo(button.getActionId());
        assertThat(button.getConfirm().getStyle()).isEqualTo("danger");
        assertThat(button.getConfirm().getText().getText()).hasSize(300).endsWith("…");
    }
}
