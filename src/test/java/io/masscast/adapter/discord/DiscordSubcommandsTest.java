package io.masscast.adapter.discord;

import static io.masscast.adapter.discord.DiscordTestBed.ADMIN_MEMBER;
import static io.masscast.adapter.discord.DiscordTestBed.ALICE_MEMBER;
import static io.masscast.adapter.discord.DiscordTestBed.APPROVERS_ROLE;
import static io.masscast.adapter.discord.DiscordTestBed.BOB_MEMBER;
import static io.masscast.adapter.discord.DiscordTestBed.DAVE_MEMBER;
import static io.masscast.adapter.discord.DiscordTestBed.ERIN_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.command.CommandCatalog;
import io.masscast.core.command.CommandSpec;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import io.masscast.core.model.CampaignState;
import io.masscast.core.policy.Fields;
import io.masscast.core.text.Markup;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.utils.data.DataArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every {@code /masscast} subcommand through Discord's typed options, as the person sees the answer. */
class DiscordSubcommandsTest {
    private DiscordTestBed bed;

    @BeforeEach
    void start() {
        bed = DiscordTestBed.start();
        bed.bindChannel();
        String composed = bed.slash(
                ALICE_MEMBER,
                "new",
                Map.of(
                        Fields.TEXT,
                        "New set is up",
                        Fields.LISTS,
                        "VIP",
                        Fields.MEDIA,
                        "48213377,99",
                        Fields.PREVIEW,
                        1L,
                        Fields.PRICE,
                        12.5));
        assertThat(answer(composed)).contains("MC-1 is waiting for approval");
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void bindTakesMentionsOfPeopleAndRolesAsApprovers() {
        Binding binding = bindingNow();

        assertThat(binding.approvers())
                .containsExactlyInAnyOrder(DiscordTestBed.ALICE, DiscordTestBed.BOB, Actor.groupRef(APPROVERS_ROLE));
        assertThat(binding.zone().getId()).isEqualTo("Europe/Berlin");
        assertThat(answer(bed.slash(ERIN_MEMBER, "bind", Map.of("connection", "conn_demo", "zone", "Europe/Berlin"))))
                .contains("Only admins can bind a channel");
    }

    @Test
    void policyTakesTypedNumbersAndYesNo() {
        String changed = bed.slash(
                ADMIN_MEMBER, "policy", Map.of("approvals", 2L, "self_approval", true, "quiet", "23:00-08:00"));

        assertThat(answer(changed))
                .contains("Approvals required: 2", "self-approval: allowed", "quiet hours: 23:00–08:00 Europe/Berlin");
        assertThat(bindingNow().policy().requiredApprovals()).isEqualTo(2);
        assertThat(answer(bed.slash(BOB_MEMBER, "policy", Map.of())))
                .contains("Approvers: <@&" + APPROVERS_ROLE + ">, <@" + DiscordTestBed.ALICE + ">");
    }

    @Test
    void listShowAndTheReadCommandsAnswerPrivately() {
        DiscordEvents.Answer list = bed.events.awaitAnswer(bed.slash(BOB_MEMBER, "list", Map.of()));
        DiscordEvents.Answer show = bed.events.awaitAnswer(bed.slash(BOB_MEMBER, "show", Map.of("campaign", "MC-1")));
        String lists = answer(bed.slash(BOB_MEMBER, "lists", Map.of()));
        String vault = answer(bed.slash(BOB_MEMBER, "vault", Map.of()));
        String digest = answer(bed.slash(BOB_MEMBER, "digest", Map.of()));

        assertThat(list.isPrivate()).isTrue();
        assertThat(list.content()).contains("MC-1", "pending approval", "<@" + DiscordTestBed.ALICE + ">");
        assertThat(show.isPrivate()).isTrue();
        assertThat(show.json().getArray("embeds").getObject(0).getString("title"))
                .contains("MC-1");
        assertThat(lists).contains("VIP · id 1187345 · 1,234 fans");
        assertThat(vault).contains("48213377");
        assertThat(digest).contains("digest");
    }

    @Test
    void approveAndRejectByCommand() {
        assertThat(answer(bed.slash(ERIN_MEMBER, "approve", Map.of("campaign", "MC-1"))))
                .contains("not an approver");
        assertThat(answer(bed.slash(DAVE_MEMBER, "approve", Map.of("campaign", "mc-1"))))
                .contains("You approved MC-1");
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.APPROVED);

        assertThat(answer(bed.slash(ALICE_MEMBER, "new", Map.of(Fields.TEXT, "Second", Fields.LISTS, "VIP"))))
                .contains("MC-2 is waiting");
        assertThat(answer(bed.slash(
                        BOB_MEMBER, "reject", Map.of("campaign", "MC-2", "reason", "Not this week, <@&1> agrees"))))
                .contains("MC-2 is rejected");
        assertThat(bed.campaign(2).note())
                .as("a mention typed in Discord is the core's mention")
                .contains("Not this week, " + Markup.group("1") + " agrees");
    }

    @Test
    void editWithOptionsChangesOnlyThemAndWithoutOpensTheForm() {
        assertThat(answer(bed.slash(ALICE_MEMBER, "edit", Map.of("campaign", "MC-1", Fields.PRICE, 15.0))))
                .contains("MC-1 was edited");
        assertThat(bed.campaign(1).content().price()).isEqualByComparingTo("15");
        assertThat(bed.campaign(1).content().text()).isEqualTo("New set is up");

        DiscordEvents.Answer form = bed.events.awaitAnswer(bed.slash(ALICE_MEMBER, "edit", Map.of("campaign", "MC-1")));
        assertThat(form.how()).isEqualTo("modal");
        assertThat(form.json().getString("title")).isEqualTo("Edit MC-1");
    }

    @Test
    void cancelUnsendMarkSentAndSendAgainByCommand() {
        assertThat(answer(bed.slash(ALICE_MEMBER, "cancel", Map.of("campaign", "MC-1"))))
                .contains("MC-1 is cancelled");

        answer(bed.slash(ALICE_MEMBER, "new", Map.of(Fields.TEXT, "Second", Fields.LISTS, "VIP")));
        bed.state(2, CampaignState.IN_DOUBT, Optional.empty(), Optional.empty());
        assertThat(answer(bed.slash(BOB_MEMBER, "send-again", Map.of("campaign", "MC-2"))))
                .contains("MC-2 will be sent again");

        answer(bed.slash(ALICE_MEMBER, "new", Map.of(Fields.TEXT, "Third", Fields.LISTS, "VIP")));
        bed.state(3, CampaignState.IN_DOUBT, Optional.empty(), Optional.empty());
        assertThat(answer(bed.slash(BOB_MEMBER, "mark-sent", Map.of("campaign", "MC-3"))))
                .contains("MC-3 is marked as sent");

        answer(bed.slash(ALICE_MEMBER, "new", Map.of(Fields.TEXT, "Fourth", Fields.LISTS, "VIP")));
        bed.state(
                4,
                CampaignState.SENT,
                Optional.of(7004L),
                Optional.of(bed.clock.instant().plus(Duration.ofHours(1))));
        assertThat(answer(bed.slash(BOB_MEMBER, "unsend", Map.of("campaign", "MC-4"))))
                .contains("MC-4 is unsent");
        assertThat(bed.campaign(4).state()).isEqualTo(CampaignState.UNSENT);
        assertThat(bed.ofauth.deleted()).containsExactly(7004L);
    }

    @Test
    void helpListsEverySubcommandWithItsOptions() {
        String help = answer(bed.slash(BOB_MEMBER, "help", Map.of()));

        assertThat(CommandCatalog.ALL).allSatisfy(spec -> assertThat(help).contains("`/masscast " + spec.name()));
        assertThat(help).contains("`/masscast reject campaign: reason:`", "`/masscast bind connection: zone:`");
    }

    @Test
    void campaignIdsListsAndZonesCompleteAsTheyAreTyped() {
        DataArray campaigns = choices(bed.slashAutocomplete(BOB_MEMBER, "approve", "campaign", "mc-"));
        DataArray lists = choices(bed.slashAutocomplete(BOB_MEMBER, "new", Fields.EXCLUDE, "VIP, ch"));
        DataArray zones = choices(bed.slashAutocomplete(ADMIN_MEMBER, "bind", "zone", "new york"));

        assertThat(campaigns.length()).isEqualTo(1);
        assertThat(campaigns.getObject(0).getString("value")).isEqualTo("MC-1");
        assertThat(campaigns.getObject(0).getString("name")).startsWith("MC-1 · pending approval · $12.50");
        assertThat(lists.getObject(0).getString("value")).isEqualTo("VIP, Churned");
        assertThat(zones.getObject(0).getString("value")).isEqualTo("America/New_York");
    }

    @Test
    void everySubcommandOfTheCatalogIsAnswered() {
        for (CommandSpec spec : CommandCatalog.ALL) {
            Map<String, Object> options = spec.params().stream()
                    .filter(p -> p.required())
                    .collect(Collectors.toMap(
                            p -> p.name(),
                            p -> p.name().equals("campaign")
                                    ? "MC-1"
                                    : p.name().equals("zone")
                                            ? "Europe/Berlin"
                                            : p.name().equals("connection") ? "conn_demo" : "x"));
            String id = bed.slash(ADMIN_MEMBER, spec.name(), options);
            assertThat(bed.events.awaitAnswer(id).how()).as(spec.name()).isIn("reply", "modal");
        }
    }

    private String answer(String interaction) {
        DiscordEvents.Answer answer = bed.events.awaitAnswer(interaction);
        assertThat(answer.isPrivate()).as("answers are seen by the asker only").isTrue();
        return answer.content();
    }

    private DataArray choices(String interaction) {
        return bed.events.awaitAnswer(interaction).json().getArray("choices");
    }

    private Binding bindingNow() {
        return bed.stores
                .inTransaction(s -> s.bindings().find(DiscordTestBed.CHANNEL))
                .orElseThrow();
    }
}
