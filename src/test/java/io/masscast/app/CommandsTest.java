package io.masscast.app;

import static io.masscast.app.Pipeline.ALICE;
import static io.masscast.app.Pipeline.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.campaign.Mention;
import io.masscast.core.command.ActionId;
import io.masscast.core.command.Card;
import io.masscast.core.command.CardAction;
import io.masscast.core.command.FieldValue;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import io.masscast.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat commands as a user sees their answers, on the simulator. */
class CommandsTest {
    private static final Actor ROOT = Actor.of("root", "Root");
    private static final Actor BOB = Actor.of("bob", "Bob");

    @TempDir
    Path folder;

    private Pipeline pipeline;

    @BeforeEach
    void start() {
        pipeline = new Pipeline(folder, new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES)));
    }

    @AfterEach
    void stop() {
        pipeline.close();
    }

    private String text(Actor actor, String line) {
        Reply reply = pipeline.run(actor, line);
        assertThat(reply).isInstanceOf(Reply.Text.class);
        return ((Reply.Text) reply).text();
    }

    @Test
    void anApprovalThatNobodyLeftCanCompleteSaysSo() {
        text(ROOT, "policy approvals=2 approvers=alice,bob,carol");
        text(ALICE, "new text=\"Hi\" lists=fans");
        assertThat(text(BOB, "approve MC-1")).endsWith("It needs 1 more approval from other approvers."); // carol

        text(ROOT, "policy approvals=3");
        text(ALICE, "new text=\"Hello\" lists=fans confirm=yes");
        assertThat(text(BOB, "approve MC-2"))
                .endsWith("It needs 2 more approvals, and too few left may give them: an admin names approvers with"
                        + " /masscast policy approvers=...");

        text(ROOT, "policy approvals=2 approvers=alice,bob");
        text(ALICE, "new text=\"Hey\" lists=fans confirm=yes");
        assertThat(text(BOB, "approve MC-3"))
                .as("alice requested it, and may not approve her own")
                .endsWith("It needs 1 more approval, and nobody left may give it: an admin names approvers with"
                        + " /masscast policy approvers=...");
    }

    @Test
    void thePendingCardShowsWhatAnApproverNeeds() {
        text(
                ALICE,
                "new text=\"Weekend set 🔥\" lists=\"VIP whales\",fans exclude=\"Do not PPV\" "
                        + "media=https://cdn.example.com/1.jpg,https://cdn.example.com/2.jpg preview=1 price=12.50 at=\"in 3h\"");

        Card card = ((Reply.CardReply) pipeline.run(BOB, "show MC-1")).card();

        assertThat(card.title()).isEqualTo("MC-1 · PPV $12.50 for Mila Rose — awaiting approval");
        assertThat(card.text()).isEqualTo("Weekend set 🔥");
        assertThat(card.field("Audience").orElseThrow().value())
                .isEqualTo("VIP whales (27), Fans (2,192) · excluding Do not PPV (80)");
        assertThat(card.field("Recipients").orElseThrow().value())
                .isEqualTo("≈ 2,139 (estimate: list sizes added, exclusions subtracted)");
        assertThat(card.field("Media").orElseThrow().value()).startsWith("2 items (1 free preview)");
        assertThat(card.field("Price").orElseThrow().value()).isEqualTo("$12.50 PPV");
        assertThat(card.field("Send time").orElseThrow().value())
                .contains("Europe/Berlin")
                .contains("UTC")
                .contains("in 3 h");
        assertThat(card.field("Requested by").orElseThrow().value()).isEqualTo(Mention.of("alice"));
        assertThat(card.field("Approvals").orElseThrow().value()).isEqualTo("0 of 1");
        assertThat(card.actions()).extracting(CardAction::label).containsExactly("Approve", "Reject", "Edit", "Cancel");
        assertThat(card.actions().get(0).confirm())
                .get()
                .satisfies(confirm -> assertThat(confirm.text())
                        .startsWith("Send for $12.50 to ≈ 2,139 fans at ")
                        .endsWith("as Mila Rose."));
    }

    @Test
    void rejectNeedsAReasonAndTheCardShowsIt() {
        text(ALICE, "new text=\"Too pricey\" lists=fans");

        assertThat(text(BOB, "reject MC-1")).contains("Say why you reject it");
        assertThat(text(BOB, "reject MC-1 price too high for fans"))
                .isEqualTo("MC-1 is rejected; the requester sees your reason on the card.");

        pipeline.tick();
        Card card = pipeline.channel.cardOf("MC-1").orElseThrow();
        assertThat(card.field("Status").orElseThrow().value())
                .startsWith("rejected by " + Mention.of("bob"))
                .endsWith(": price too high for fans");
        assertThat(card.actions()).isEmpty();
    }

    @Test
    void unsendPullsASentMessageBackAndWarnsAboutBuyers() {
        text(ALICE, "new text=\"Oops\" lists=fans");
        text(BOB, "approve MC-1");
        pipeline.tick();

        assertThat(text(ALICE, "unsend MC-1")).isEqualTo("MC-1 is unsent. Fans who already bought it keep access.");
        assertThat(pipeline.requests("DELETE", "/v2/access/mass-messages/")).hasSize(1);
        assertThat(pipeline.state(1)).isEqualTo(CampaignState.UNSENT);
    }

    @Test
    void listAndHelpAndDigestAnswerPrivately() {
        text(ALICE, "new text=\"One\" lists=fans");
        text(ALICE, "new text=\"Two\" lists=fans");

        assertThat(text(ALICE, "list"))
                .startsWith("Recent campaigns for Mila Rose:")
                .contains("MC-2 · pending approval")
                .contains("MC-1 · pending approval");
        assertThat(text(ALICE, "help")).contains("/masscast reject MC-ID REASON");
        assertThat(text(ALICE, "digest"))
                .isEqualTo("The digest of the last 24 hours and the last 7 days is being posted in"
                        + " this channel, with the chart of revenue per day over the last 14 days.");
        assertThat(text(ALICE, "show MC-9"))
                .isEqualTo("There is no MC-9 in this workspace. /masscast list shows the recent ones.");
        assertThat(text(ALICE, "show nine")).contains("is not a campaign id");
    }

    @Test
    void listsAndVaultShowTheCreatorsIds() {
        assertThat(text(ALICE, "lists"))
                .contains("• VIP whales · id 1187345 · 27 fans")
                .contains("• Fans · id fans · 2,192 fans");
        assertThat(text(ALICE, "vault")).startsWith("Recent vault media of Mila Rose (use the ids in media=):");
    }

    @Test
    void onlyAdminsBindAndTheConnectionMustExistAndBeActive() {
        ChannelRef other = new ChannelRef(Platform.SHELL, "agency", "sofia");

        assertThat(text(ALICE, "bind connection=conn_demo2 zone=Europe/Berlin approvers=bob"))
                .contains("Only admins can bind a channel");
        assertThat(((Reply.Text) pipeline.wiring
                                .router()
                                .handle(other, ROOT, "bind connection=conn_nope zone=Europe/Berlin"))
                        .text())
                .startsWith("OFAuth has no connection conn_nope. Known: conn_demo (Mila Rose)");
        assertThat(((Reply.Text) pipeline.wiring
                                .router()
                                .handle(other, ROOT, "bind connection=conn_demo2 zone=Mars/Base"))
                        .text())
                .contains("\"Mars/Base\" is not a time zone");

        pipeline.simulator.expireConnection("conn_demo2");
        assertThat(((Reply.Text) pipeline.wiring
                                .router()
                                .handle(other, ROOT, "bind connection=conn_demo2 zone=Europe/Berlin"))
                        .text())
                .contains("is expired: the creator has to reconnect through OFAuth Link");
        pipeline.simulator.restoreConnection("conn_demo2");

        String bound = ((Reply.Text) pipeline.wiring
                        .router()
                        .handle(
                                other,
                                ROOT,
                                "bind connection=conn_demo2 zone=America/New_York approvers=" + Mention.of("U0BOB")
                                        + ",@carol"))
                .text();
        assertThat(bound)
                .startsWith("This channel now speaks for Sofia Reyes (conn_demo2, America/New_York).")
                .contains("Approvers: " + Mention.of("U0BOB") + ", " + Mention.of("carol"));
        Binding binding = pipeline.wiring.bindings().find(other).orElseThrow();
        assertThat(binding.approvers()).containsExactlyInAnyOrder("U0BOB", "carol");
    }

    @Test
    void policyIsShownToAnyoneAndChangedByAdminsWithClearErrors() {
        assertThat(text(ALICE, "policy")).startsWith("Approvals required: 1 · self-approval: not allowed");
        assertThat(text(ALICE, "policy approvals=2")).contains("Only admins can change this channel's policy");
        assertThat(text(ROOT, "policy approvals=5 min_gap=soon quiet=late"))
                .contains("approvals: \"5\" won't do")
                .contains("min_gap: \"soon\" is not a gap")
                .contains("quiet: \"late\" is not a window");

        assertThat(text(ROOT, "policy approvals=2 daily_cap=3 min_gap=90m quiet=23:00-08:00"))
                .startsWith("Policy updated.")
                .contains("Approvals required: 2")
                .contains("daily cap: 3")
                .contains("minimum gap: 90 min")
                .contains("quiet hours: 23:00–08:00 Europe/Berlin");
        assertThat(pipeline.wiring
                        .bindings()
                        .find(CHANNEL)
                        .orElseThrow()
                        .policy()
                        .minGap())
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void theDailyDigestsTimeIsPartOfThePolicy() {
        assertThat(text(ALICE, "policy")).contains(" · daily digest: 09:00 Europe/Berlin");
        assertThat(text(ROOT, "policy digest=25:00"))
                .startsWith("digest: \"25:00\" is not a time of day: write it like 09:00"
                        + " (creator's zone), or off for no daily digest.")
                .contains("digest=09:00|off");
        assertThat(text(ROOT, "policy digest=noon")).contains("digest: \"noon\" is not a time of day");

        assertThat(text(ROOT, "policy digest=7:30")).contains(" · daily digest: 07:30 Europe/Berlin");
        assertThat(pipeline.wiring
                        .bindings()
                        .find(CHANNEL)
                        .orElseThrow()
                        .policy()
                        .digestAt())
                .contains(LocalTime.of(7, 30));
        assertThat(text(ROOT, "policy digest=off")).contains(" · daily digest: off");
        assertThat(pipeline.wiring
                        .bindings()
                        .find(CHANNEL)
                        .orElseThrow()
                        .policy()
                        .digestAt())
                .isEmpty();
    }

    @Test
    void anUnboundChannelSaysHowToBindIt() {
        ChannelRef unbound = new ChannelRef(Platform.SHELL, "agency", "nobody");

        assertThat(((Reply.Text) pipeline.wiring.router().handle(unbound, ALICE, "new text=hi lists=fans")).text())
                .contains("not bound to a creator yet")
                .contains("/masscast bind");
    }

    @Test
    void newWithoutArgumentsAsksForTheFormAndEditPrefillsIt() {
        assertThat(pipeline.run(ALICE, "new")).isInstanceOfSatisfying(Reply.Form.class, form -> {
            assertThat(form.spec().isEdit()).isFalse();
            assertThat(form.spec().title()).isEqualTo("New mass message for Mila Rose");
        });
        text(ALICE, "new text=\"Edit me\" lists=fans price=0 at=\"2027-01-02 20:00\"");

        assertThat(pipeline.run(ALICE, "edit MC-1")).isInstanceOfSatisfying(Reply.Form.class, form -> {
            assertThat(form.spec().campaignId()).isPresent();
            assertThat(form.spec().typed("text")).isEqualTo("Edit me");
            assertThat(form.spec().typed("lists")).isEqualTo("fans");
            assertThat(form.spec().typed("at")).isEqualTo("2027-01-02 20:00");
            assertThat(form.spec().value("at")).containsInstanceOf(FieldValue.Moment.class);
        });
        assertThat(text(BOB, "edit MC-1")).isEqualTo("Only the requester can edit MC-1.");
    }

    private String refusal(Actor actor, String line) {
        Reply reply = pipeline.run(actor, line);
        String shown = reply instanceof Reply.Errors errors
                ? String.join(
                        "\n", errors.errors().stream().map(Object::toString).toList())
                : ((Reply.Text) reply).text();
        assertThat(shown).as("a short reply").hasSizeLessThan(2_000);
        return shown;
    }

    private boolean nothingStored() {
        return pipeline.wiring
                .database()
                .inTransaction(stores -> stores.campaigns()
                        .findByNumber(CHANNEL.platform(), CHANNEL.workspaceId(), 1)
                        .isEmpty());
    }

    @Test
    void aSubscribedAfterDateFarInThePastOrFutureIsRefusedInNewAndEdit() {
        assertThat(refusal(ALICE, "new text=\"x\" lists=fans subscribed_after=\"-999999999-01-01\""))
                .contains("subscribed_after")
                .contains("out of range")
                .contains("2016-01-01");
        assertThat(nothingStored()).isTrue();

        text(ALICE, "new text=\"x\" lists=fans");
        assertThat(refusal(ALICE, "edit MC-1 subscribed_after=+999999999-12-31"))
                .contains("out of range");
        assertThat(pipeline.campaign(1).audience().subscribedAfter()).isEmpty();
    }

    @Test
    void aFarSendTimeUnderADailyCapIsRefusedWithTheRange() {
        text(ROOT, "policy daily_cap=3");

        assertThat(refusal(ALICE, "new text=\"x\" lists=fans at=\"+999999999-12-31 23:59\""))
                .contains("at: ")
                .contains("out of range: a send time is from now to 90 days ahead");
        assertThat(nothingStored()).isTrue();
    }

    @Test
    void wordsThatAreNotKeyValueAreRefusedNamingThem() {
        assertThat(refusal(ALICE, "new text=New set is up lists=fans"))
                .startsWith(
                        "\"set\", \"is\", \"up\" are not key=value: to put spaces in a value, quote it, as in text=\"New set is up\".");
        assertThat(refusal(ALICE, "new text=\"hi\" lists=fans extra")).startsWith("\"extra\" is not key=value");
        assertThat(refusal(ALICE, "new text=“hi” lists=fans, VIP whales")).contains("lists=fans,\"VIP whales\"");
        assertThat(nothingStored()).isTrue();
    }

    @Test
    void commandsWithAnIdOrFreeTextKeepTheirPositionalArguments() {
        text(ALICE, "new text=\"hi\" lists=fans");

        assertThat(pipeline.run(BOB, "show MC-1")).isInstanceOf(Reply.CardReply.class);
        assertThat(refusal(BOB, "approve MC-1 now please")).startsWith("\"now\", \"please\" are not key=value");
        assertThat(refusal(BOB, "list everything")).startsWith("/masscast list takes no arguments (\"everything\")");
        assertThat(text(BOB, "reject MC-1 too pricey, \"maybe\" later; it's=fine"))
                .contains("MC-1 is rejected");
        assertThat(pipeline.campaign(1).note()).contains("too pricey, \"maybe\" later; it's=fine");
    }

    @Test
    void listsWrittenWithSpacesAfterCommasKeepEveryItem() {
        text(ALICE, "new text=\"hi\" lists=fans, \"VIP whales\" exclude=muted, \"Do not PPV\"");

        Campaign campaign = pipeline.campaign(1);
        assertThat(campaign.audience().lists()).containsExactly("fans", "1187345");
        assertThat(campaign.audience().excludedLists()).containsExactly("muted", "1190022");
    }

    @Test
    void smartQuotesAreQuotesAndMisquotedValuesAreRefused() {
        text(ALICE, "new text=“New set is up” lists=fans");
        assertThat(pipeline.campaign(1).content().text()).isEqualTo("New set is up");

        assertThat(refusal(ALICE, "new text=\"a\"\"b\" lists=fans")).contains("Right after the quote closed");
        assertThat(refusal(ALICE, "new text=\"C:\\Users\\me\" lists=fans"))
                .contains("\"\\U\"")
                .contains("is not an escape");
        assertThat(refusal(ALICE, "new text=x lists=fans media=48213377,48213378 preview=1 price=\"$1$2\""))
                .contains("price: \"$1$2\" is not a price");
        Optional<Campaign> second = pipeline.wiring
                .database()
                .inTransaction(stores -> stores.campaigns().findByNumber(CHANNEL.platform(), CHANNEL.workspaceId(), 2));
        assertThat(second).isEmpty();
    }

    @Test
    void controlAndInvisibleCharactersAreRefusedAndNeverEchoed() {
        assertThat(refusal(ALICE, "new text=\"hi\u001B[2J\u0000\" lists=fans"))
                .contains("U+001B ESCAPE")
                .doesNotContain("\u001B")
                .doesNotContain("\u0000");
        assertThat(refusal(ALICE, "new text=\"\u200B\u2800\u3164\" lists=fans")).contains("no visible character");
        assertThat(refusal(ROOT, "bind connection=conn_demo2 zone=Europe/Berlin creator=\"Mila\u0007\""))
                .contains("creator: The creator's name contains the control character U+0007");
        assertThat(nothingStored()).isTrue();
    }

    @Test
    void aHugeLineOrValueIsRefusedWithAShortReply() {
        assertThat(refusal(ALICE, "new text=x lists=fans users=" + "9".repeat(40_000_000)))
                .startsWith("That command is 40,000,028 characters long; masscast reads 25,000 at most");
        assertThat(refusal(ALICE, "new text=x lists=fans users=" + "9".repeat(20_000)))
                .contains("(20,000 characters)");
        assertThat(nothingStored()).isTrue();
    }

    @Test
    void policyNumbersAreBoundedPlainDigits() {
        assertThat(refusal(ROOT, "policy approvals=٣ daily_cap=1e3 min_gap=9999h"))
                .contains("approvals: \"٣\" won't do")
                .contains("(use the digits 0-9)")
                .contains("daily_cap: \"1e3\" won't do")
                .contains("min_gap: \"9999h\" is not a gap");
        assertThat(pipeline.wiring.bindings().find(CHANNEL).orElseThrow().policy())
                .isEqualTo(Pipeline.POLICY);
    }

    @Test
    void aButtonForACampaignOfAnotherWorkspaceIsAnsweredAsIfItDidNotExist() {
        text(ALICE, "new text=\"hi\" lists=fans");
        Campaign campaign = pipeline.campaign(1);
        ChannelRef elsewhere = new ChannelRef(Platform.SHELL, "other-agency", "mila");

        Reply reply = pipeline.wiring
                .router()
                .click(
                        elsewhere,
                        BOB,
                        new ActionId(ActionId.Verb.APPROVE, campaign.id(), campaign.fingerprint()),
                        Optional.empty());

        assertThat(((Reply.Text) reply).text()).isEqualTo("That campaign no longer exists in this workspace.");
        assertThat(pipeline.state(1)).isEqualTo(CampaignState.PENDING_APPROVAL);
    }

    @Test
    void aRefusedComposeAnswersWithFieldErrorsAndTheFormToFixThem() {
        Reply reply = pipeline.run(ALICE, "new text=\"x\" price=2");

        assertThat(reply).isInstanceOfSatisfying(Reply.Errors.class, errors -> {
            assertThat(errors.errors()).extracting(e -> e.field()).containsExactly("price", "media", "lists");
            assertThat(errors.spec().typed("price")).isEqualTo("2");
        });
    }
}
