package io.masscast.adapter.discord;

import static io.masscast.adapter.discord.DiscordTestBed.ALICE_MEMBER;
import static io.masscast.adapter.discord.DiscordTestBed.BOB;
import static io.masscast.adapter.discord.DiscordTestBed.BOB_MEMBER;
import static io.masscast.adapter.discord.DiscordTestBed.DAVE;
import static io.masscast.adapter.discord.DiscordTestBed.DAVE_MEMBER;
import static io.masscast.adapter.discord.DiscordTestBed.ERIN_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.campaign.Mention;
import io.masscast.core.command.ActionId;
import io.masscast.core.model.CampaignState;
import io.masscast.core.policy.Fields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The card in Discord: an embed with everything the core's card holds and its buttons. Approve, Cancel, Unsend and
 * Send again first answer with a confirmation that restates what will happen; only its confirm button decides.
 * Reject asks for a reason in a modal, Edit opens the compose modal prefilled. A non-approver is refused privately;
 * a member of the approvers' role approves.
 */
class DiscordCardTest {
    private DiscordTestBed bed;
    private String card;

    @BeforeEach
    void start() {
        bed = DiscordTestBed.start();
        bed.bindChannel();
        String composed = bed.slash(
                ALICE_MEMBER,
                "new",
                Map.of(
                        Fields.TEXT,
                        "New set is up 🔥",
                        Fields.LISTS,
                        "VIP",
                        Fields.EXCLUDE,
                        "Churned",
                        Fields.MEDIA,
                        "48213377, 99",
                        Fields.PREVIEW,
                        1L,
                        Fields.PRICE,
                        12.5,
                        Fields.AT,
                        "2026-03-21 20:00"));
        assertThat(bed.events.awaitAnswer(composed).content()).contains("MC-1 is waiting for approval");
        card = bed.showCard(1);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void theCardIsAnEmbedWithEverythingTheCoreCardHoldsAndItsButtons() {
        FakeDiscordChannels.Call posted = bed.discord.calls("post").get(0);

        assertThat(posted.channelId()).isEqualTo(DiscordEvents.CHANNEL);
        assertThat(posted.messageId()).isEqualTo(card);
        DataObject embed = posted.embed();
        assertThat(embed.getString("title")).isEqualTo("⏳ MC-1 · PPV $12.50 for Mila Rose — awaiting approval");
        assertThat(embed.getString("description")).isEqualTo("> New set is up 🔥");
        assertThat(fields(embed))
                .contains(
                        "Price: $12.50 PPV",
                        "Audience: VIP (1,234) · excluding Churned (310)",
                        "Recipients: ≈ 924 (estimate: list sizes added, exclusions subtracted)",
                        "Requested by: <@" + DiscordTestBed.ALICE + ">",
                        "Approvals: 0 of 1",
                        "Status: waiting for approval")
                .anySatisfy(field -> assertThat(field).startsWith("Send time: 2026-03-21 20:00 Europe/Berlin"));
        assertThat(embed.getObject("footer").getString("text")).startsWith("MC-1 · version ");
        assertThat(posted.json().getObject("allowed_mentions").toString())
                .contains("users", "roles")
                .doesNotContain("everyone");
        List<String> buttons = buttons(posted.json());
        assertThat(buttons).hasSize(4);
        assertThat(buttons)
                .extracting(id -> ActionId.decode(id).orElseThrow().verb())
                .containsExactly(ActionId.Verb.APPROVE, ActionId.Verb.REJECT, ActionId.Verb.EDIT, ActionId.Verb.CANCEL);
    }

    @Test
    void approveAsksForConfirmationRestatingPriceRecipientsAndTimeAndOnlyConfirmDecides() {
        String approve = button(ActionId.Verb.APPROVE);

        DiscordEvents.Answer confirmation = bed.events.awaitAnswer(bed.click(DAVE_MEMBER, approve));

        assertThat(confirmation.isPrivate()).isTrue();
        assertThat(confirmation.content())
                .contains("Approve MC-1?", "$12.50", "≈ 924 fans", "2026-03-21 20:00 Europe/Berlin");
        assertThat(confirmation.buttons())
                .containsExactly(DiscordReplies.CONFIRM + approve, DiscordReplies.DENY + approve);
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.PENDING_APPROVAL);

        DiscordEvents.Answer kept = bed.events.awaitAnswer(bed.click(DAVE_MEMBER, DiscordReplies.DENY + approve));
        assertThat(kept.how()).isEqualTo("edit, buttons removed");
        assertThat(kept.content()).isEqualTo(ButtonListener.KEPT);
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.PENDING_APPROVAL);

        DiscordEvents.Answer approved =
                bed.events.awaitAnswer(bed.click(DAVE_MEMBER, DiscordReplies.CONFIRM + approve));
        assertThat(approved.how()).isEqualTo("edit");
        assertThat(approved.content()).contains("You approved MC-1");
        assertThat(approved.buttons()).isEmpty();
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.APPROVED);
        assertThat(bed.core.campaigns().approvals(bed.campaign(1)))
                .singleElement()
                .satisfies(a -> assertThat(a.approverId()).isEqualTo(DAVE));
    }

    @Test
    void someoneOutsideTheApproversAndTheRequesterAreRefusedPrivately() {
        String confirm = DiscordReplies.CONFIRM + button(ActionId.Verb.APPROVE);

        DiscordEvents.Answer outsider = bed.events.awaitAnswer(bed.click(ERIN_MEMBER, confirm));
        DiscordEvents.Answer requester = bed.events.awaitAnswer(bed.click(ALICE_MEMBER, confirm));

        assertThat(outsider.isPrivate()).isTrue();
        assertThat(outsider.content()).contains("You are not an approver in this channel");
        assertThat(requester.content()).contains("You requested MC-1");
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.PENDING_APPROVAL);
    }

    @Test
    void anApprovedCardIsEditedInPlaceAndShowsWhoApproved() {
        bed.click(BOB_MEMBER, DiscordReplies.CONFIRM + button(ActionId.Verb.APPROVE));

        String shown = bed.showCard(1);

        assertThat(shown).isEqualTo(card);
        FakeDiscordChannels.Call edited = bed.discord.calls("edit").get(0);
        assertThat(edited.messageId()).isEqualTo(card);
        assertThat(fields(edited.embed())).contains("Approvals: 1 of 1: <@" + BOB + ">");
        assertThat(buttons(edited.json())).isEmpty();
        assertThat(bed.discord.calls("post")).hasSize(1);
    }

    @Test
    void rejectAsksForTheReasonAndTheCardShowsIt() {
        String reject = button(ActionId.Verb.REJECT);

        DiscordEvents.Answer modal = bed.events.awaitAnswer(bed.click(BOB_MEMBER, reject));

        assertThat(modal.how()).isEqualTo("modal");
        assertThat(modal.json().getString("custom_id")).isEqualTo(DiscordRejectModal.PREFIX + reject);
        assertThat(modal.json()
                        .getArray("components")
                        .getObject(0)
                        .getObject("component")
                        .getBoolean("required"))
                .isTrue();
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.PENDING_APPROVAL);

        String submitted = bed.submit(
                BOB_MEMBER,
                modal.json().getString("custom_id"),
                Map.of(DiscordRejectModal.REASON, "Price too low for a video"));

        assertThat(bed.events.awaitAnswer(submitted).content()).contains("MC-1 is rejected");
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.REJECTED);
        assertThat(bed.campaign(1).note()).contains("Price too low for a video");
        assertThat(bed.stores.pendingOutbox())
                .anySatisfy(entry -> assertThat(entry.text()).contains("Rejected by " + Mention.of(BOB)));
    }

    @Test
    void editOpensTheComposeModalPrefilledAndKeepsWhatTheModalDoesNotShow() {
        DiscordEvents.Answer modal = bed.events.awaitAnswer(bed.click(ALICE_MEMBER, button(ActionId.Verb.EDIT)));

        DataArray components = modal.json().getArray("components");
        assertThat(modal.json().getString("title")).isEqualTo("Edit MC-1");
        assertThat(components.getObject(0).getObject("component").getString("value"))
                .isEqualTo("New set is up 🔥");
        assertThat(components.getObject(3).getObject("component").getString("value"))
                .isEqualTo("12.5");
        assertThat(components.getObject(4).getObject("component").getString("value"))
                .isEqualTo("2026-03-21 20:00");

        String saved = bed.submit(
                ALICE_MEMBER,
                modal.json().getString("custom_id"),
                Map.of(
                        Fields.TEXT,
                        "New set is up 🔥",
                        Fields.LISTS,
                        List.of("1187345"),
                        Fields.EXCLUDE,
                        List.of("1187347"),
                        Fields.PRICE,
                        "15",
                        Fields.AT,
                        "2026-03-21 20:00"));

        assertThat(bed.events.awaitAnswer(saved).content()).contains("MC-1 was edited");
        assertThat(bed.campaign(1).content().price()).isEqualByComparingTo("15");
        assertThat(bed.campaign(1).content().media()).hasSize(2);
        assertThat(bed.campaign(1).content().previewCount()).isEqualTo(1);
    }

    @Test
    void someoneElsesEditIsRefusedAndNoModalOpens() {
        DiscordEvents.Answer refused = bed.events.awaitAnswer(bed.click(BOB_MEMBER, button(ActionId.Verb.EDIT)));

        assertThat(refused.how()).isEqualTo("reply");
        assertThat(refused.content()).contains("Only the requester can edit MC-1");
    }

    @Test
    void cancelIsConfirmedThenDone() {
        String cancel = button(ActionId.Verb.CANCEL);

        DiscordEvents.Answer confirmation = bed.events.awaitAnswer(bed.click(ALICE_MEMBER, cancel));
        assertThat(confirmation.content()).contains("Cancel MC-1?", "It will not be sent.");

        DiscordEvents.Answer done = bed.events.awaitAnswer(bed.click(ALICE_MEMBER, DiscordReplies.CONFIRM + cancel));
        assertThat(done.content()).contains("MC-1 is cancelled");
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.CANCELLED);
    }

    @Test
    void anInDoubtCardOffersMarkAsSentAndSendAgain() {
        bed.state(1, CampaignState.IN_DOUBT, Optional.empty(), Optional.empty());
        bed.showCard(1);
        List<String> buttons = buttons(bed.discord.calls("edit").get(0).json());

        String sendAgain = buttons.stream()
                .filter(id -> id.startsWith("send_again:"))
                .findFirst()
                .orElseThrow();
        DiscordEvents.Answer confirmation = bed.events.awaitAnswer(bed.click(BOB_MEMBER, sendAgain));
        DiscordEvents.Answer marked = bed.events.awaitAnswer(bed.click(
                BOB_MEMBER,
                buttons.stream()
                        .filter(id -> id.startsWith("mark_sent:"))
                        .findFirst()
                        .orElseThrow()));

        assertThat(confirmation.content()).contains("Send MC-1 again?", "did NOT go out");
        assertThat(marked.how())
                .as("no confirmation step for a button without one")
                .isEqualTo("reply");
        assertThat(marked.content()).contains("MC-1 is marked as sent");
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.SENT);
    }

    @Test
    void aSentCardOffersUnsendWhichIsConfirmedFirst() {
        bed.state(
                1,
                CampaignState.SENT,
                Optional.of(7001L),
                Optional.of(bed.clock.instant().plus(Duration.ofHours(1))));
        bed.showCard(1);
        String unsend = buttons(bed.discord.calls("edit").get(0).json()).get(0);

        DiscordEvents.Answer confirmation = bed.events.awaitAnswer(bed.click(BOB_MEMBER, unsend));

        assertThat(ActionId.decode(unsend).orElseThrow().verb()).isEqualTo(ActionId.Verb.UNSEND);
        assertThat(confirmation.content()).contains("Unsend MC-1?", "keep access");
        assertThat(confirmation.buttons())
                .containsExactly(DiscordReplies.CONFIRM + unsend, DiscordReplies.DENY + unsend);
    }

    @Test
    void aButtonMasscastDidNotMakeChangesNothing() {
        DiscordEvents.Answer foreign = bed.events.awaitAnswer(bed.click(DAVE_MEMBER, "approve:1:not-a-fingerprint"));
        ActionId shown = ActionId.decode(button(ActionId.Verb.APPROVE)).orElseThrow();
        String stale = DiscordReplies.CONFIRM
                + new ActionId(
                                ActionId.Verb.APPROVE,
                                1,
                                "0".repeat(shown.fingerprint().length()))
                        .encode();
        DiscordEvents.Answer older = bed.events.awaitAnswer(bed.click(DAVE_MEMBER, stale));

        assertThat(foreign.content()).isEqualTo(ButtonListener.NOT_OURS);
        assertThat(older.content()).contains("changed after the version you approved");
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.PENDING_APPROVAL);
    }

    @Test
    void notesGoIntoAThreadOnTheCardsMessage() {
        bed.adapter
                .notifier()
                .postNote(
                        DiscordTestBed.CHANNEL,
                        Optional.of(card),
                        "Rejected by " + Mention.of(BOB) + ": *not* today @everyone");
        bed.adapter.notifier().postNote(DiscordTestBed.CHANNEL, Optional.of(card), "Second note");

        List<FakeDiscordChannels.Call> notes = bed.discord.calls("thread note");
        assertThat(notes)
                .hasSize(2)
                .allSatisfy(note -> assertThat(note.messageId()).isEqualTo(card));
        assertThat(notes.get(0).json().getString("thread_name")).isEqualTo("MC-1 updates");
        assertThat(notes.get(0).content()).isEqualTo("Rejected by <@" + BOB + ">: \\*not\\* today @\u200beveryone");
    }

    @Test
    void aDeletedCardIsPostedAgain() {
        bed.discord.delete(card);

        String shown = bed.showCard(1);

        assertThat(shown).isNotEqualTo(card);
        assertThat(bed.discord.calls("post")).hasSize(2);
    }

    // ---- helpers

    private String button(ActionId.Verb verb) {
        return buttons(bed.discord.calls("post").get(0).json()).stream()
                .filter(id -> ActionId.decode(id).map(a -> a.verb() == verb).orElse(false))
                .findFirst()
                .orElseThrow();
    }

    static List<String> buttons(DataObject message) {
        return new DiscordEvents.Answer("", "", message, false).buttons();
    }

    static List<String> fields(DataObject embed) {
        List<String> fields = new ArrayList<>();
        DataArray all = embed.getArray("fields");
        for (int i = 0; i < all.length(); i++) {
            fields.add(
                    all.getObject(i).getString("name") + ": " + all.getObject(i).getString("value"));
        }
        return fields;
    }
}
