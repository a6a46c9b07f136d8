package io.masscast.adapter.discord;

import static io.masscast.adapter.discord.DiscordTestBed.ALICE;
import static io.masscast.adapter.discord.DiscordTestBed.ALICE_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.MediaItem;
import io.masscast.core.policy.Fields;
import io.masscast.testing.FakeOfAuthGateway;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Composing in Discord: {@code /masscast new} opens the modal (five components: text, the two list menus with
 * sizes, price, send time in the creator's zone), the other options of {@code new} come along with it, a refused
 * submission answers with each field's problem and a Fix button that reopens the modal as typed, and
 * {@code new text:…} composes from typed options alone.
 */
class DiscordComposeTest {
    private static final Instant SATURDAY_8PM_BERLIN = Instant.parse("2026-03-21T19:00:00Z");

    private DiscordTestBed bed;

    @BeforeEach
    void start() {
        bed = DiscordTestBed.start();
        bed.bindChannel();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void newOpensTheModalWithTheFiveFieldsAMassMessageIsAbout() {
        String command = bed.slash(ALICE_MEMBER, "new", Map.of());

        DiscordEvents.Answer answer = bed.events.awaitAnswer(command);
        assertThat(answer.how()).isEqualTo("modal");
        DataObject modal = answer.json();
        assertThat(modal.getString("custom_id")).startsWith(DiscordComposeModal.PREFIX);
        assertThat(modal.getString("title")).isEqualTo("New mass message");
        DataArray components = modal.getArray("components");
        assertThat(components.length()).isEqualTo(5);
        assertThat(labels(components))
                .containsExactly(
                        "Message", "Send to lists", "Leave out lists", "PPV price (USD)", "Send time (Europe/Berlin)");
        assertThat(child(components, 0).getInt("type")).isEqualTo(Component.Type.TEXT_INPUT.getKey());
        assertThat(child(components, 0).getInt("style")).isEqualTo(2); // paragraph
        DataObject lists = child(components, 1);
        assertThat(lists.getInt("type")).isEqualTo(Component.Type.STRING_SELECT.getKey());
        assertThat(lists.getInt("min_values")).isZero();
        assertThat(options(lists))
                .containsExactly(
                        "VIP · 1,234 fans · 1187345", "Whales · 56 fans · 1187346", "Churned · 310 fans · 1187347");
        assertThat(child(components, 3).getString("value")).isEqualTo("0");
        assertThat(components.getObject(4).getString("description"))
                .isEqualTo("Too few past PPV campaigns to suggest a time yet. Empty: on approval.");
    }

    @Test
    void aSubmittedModalComposesTheCampaignAndTellsTheRequesterPrivately() {
        String modal =
                openedModal(bed.slash(ALICE_MEMBER, "new", Map.of("media", "48213377, 48213378", "preview", 1L)));

        String submitted = bed.submit(
                ALICE_MEMBER,
                modal,
                Map.of(
                        Fields.TEXT, "New set is up 🔥 & *more*",
                        Fields.LISTS, List.of(FakeOfAuthGateway.VIP.id()),
                        Fields.EXCLUDE, List.of(FakeOfAuthGateway.CHURNED.id()),
                        Fields.PRICE, "12.50",
                        Fields.AT, "2026-03-21 20:00"));

        DiscordEvents.Answer answer = bed.events.awaitAnswer(submitted);
        assertThat(answer.how()).isEqualTo("reply");
        assertThat(answer.isPrivate()).isTrue();
        assertThat(answer.content()).contains("MC-1 is waiting for approval");
        Campaign campaign = bed.campaign(1);
        assertThat(campaign.state()).isEqualTo(CampaignState.PENDING_APPROVAL);
        assertThat(campaign.requesterId()).isEqualTo(ALICE);
        assertThat(campaign.content().text()).isEqualTo("New set is up 🔥 & *more*");
        assertThat(campaign.content().price()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(campaign.content().media())
                .as("carried from the options of /masscast new")
                .containsExactly(MediaItem.vault(48213377), MediaItem.vault(48213378));
        assertThat(campaign.content().previewCount()).isEqualTo(1);
        assertThat(campaign.audience().lists()).containsExactly(FakeOfAuthGateway.VIP.id());
        assertThat(campaign.audience().excludedLists()).containsExactly(FakeOfAuthGateway.CHURNED.id());
        assertThat(campaign.scheduledAt()).contains(SATURDAY_8PM_BERLIN);
    }

    @Test
    void aRefusedSubmissionListsEachProblemAndFixReopensTheModalAsTyped() {
        String modal = openedModal(bed.slash(ALICE_MEMBER, "new", Map.of()));

        String submitted = bed.submit(
                ALICE_MEMBER,
                modal,
                Map.of(
                        Fields.TEXT,
                        "New set is up",
                        Fields.LISTS,
                        List.of(),
                        Fields.EXCLUDE,
                        List.of(),
                        Fields.PRICE,
                        "1.50",
                        Fields.AT,
                        "yesterday-ish"));

        DiscordEvents.Answer refused = bed.events.awaitAnswer(submitted);
        assertThat(refused.isPrivate()).isTrue();
        assertThat(refused.content()).contains("That can't go out as it is", "**at**", "yesterday-ish");
        assertThat(bed.core.campaigns().list(DiscordTestBed.CHANNEL, EnumSet.allOf(CampaignState.class), 10))
                .isEmpty();
        assertThat(bed.stores.pendingOutbox()).isEmpty();
        assertThat(refused.buttons()).singleElement().asString().startsWith(DiscordReplies.FIX);

        String fix = bed.click(ALICE_MEMBER, refused.buttons().get(0));

        DataObject reopened = bed.events.awaitAnswer(fix).json();
        DataArray components = reopened.getArray("components");
        assertThat(child(components, 0).getString("value")).isEqualTo("New set is up");
        assertThat(child(components, 3).getString("value")).isEqualTo("1.50");
        assertThat(child(components, 4).getString("value")).isEqualTo("yesterday-ish");
    }

    @Test
    void newWithTextComposesFromTheTypedOptionsAlone() {
        String command = bed.slash(
                ALICE_MEMBER,
                "new",
                Map.of(
                        Fields.TEXT,
                        "Weekend set, out now",
                        Fields.LISTS,
                        "VIP, Whales",
                        Fields.MEDIA,
                        "48213377,https://cdn.example.com/a.jpg",
                        Fields.PREVIEW,
                        1L,
                        Fields.PRICE,
                        9.99,
                        Fields.LOCKED,
                        true,
                        Fields.AT,
                        "tomorrow 20:00"));

        DiscordEvents.Answer answer = bed.events.awaitAnswer(command);
        assertThat(answer.how()).isEqualTo("reply");
        assertThat(answer.content()).contains("MC-1 is waiting for approval");
        Campaign campaign = bed.campaign(1);
        assertThat(campaign.content().text()).isEqualTo("Weekend set, out now");
        assertThat(campaign.content().price()).isEqualByComparingTo(new BigDecimal("9.99"));
        assertThat(campaign.content().lockedText()).isTrue();
        assertThat(campaign.audience().lists())
                .containsExactly(FakeOfAuthGateway.VIP.id(), FakeOfAuthGateway.WHALES.id());
        assertThat(campaign.scheduledAt()).contains(SATURDAY_8PM_BERLIN);
    }

    @Test
    void aCreatorWithMoreListsThanAMenuHoldsNamesThemAsOptions() {
        List<io.masscast.core.model.FanList> many = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            many.add(new io.masscast.core.model.FanList(
                    Integer.toString(2_000_000 + i), "Segment " + i, "custom", java.util.Optional.of((long) i)));
        }
        bed.ofauth.lists(many);

        DataObject modal = bed.events
                .awaitAnswer(bed.slash(ALICE_MEMBER, "new", Map.of(Fields.LISTS, "Segment 3, Segment 30")))
                .json();
        String suggestions = bed.slashAutocomplete(ALICE_MEMBER, "new", Fields.LISTS, "Segment 3, Segment 1");

        DataArray components = modal.getArray("components");
        assertThat(components.length()).isEqualTo(4);
        assertThat(components.getObject(1).getInt("type")).isEqualTo(Component.Type.TEXT_DISPLAY.getKey());
        assertThat(components.getObject(1).getString("content"))
                .contains("Segment 3, Segment 30", "30 lists", "lists:");
        DataArray choices = bed.events.awaitAnswer(suggestions).json().getArray("choices");
        assertThat(choices.length()).isEqualTo(11);
        assertThat(choices.getObject(0).getString("value")).isEqualTo("Segment 3, Segment 1");
        assertThat(choices.getObject(0).getString("name")).isEqualTo("Segment 3, Segment 1 (1 fans)");

        String submitted = bed.submit(
                ALICE_MEMBER,
                modal.getString("custom_id"),
                Map.of(Fields.TEXT, "Hi", Fields.PRICE, "0", Fields.AT, ""));

        assertThat(bed.events.awaitAnswer(submitted).content()).contains("MC-1 is waiting for approval");
        assertThat(bed.campaign(1).audience().lists()).containsExactly("2000003", "2000030");
    }

    @Test
    void editingATextLongerThanTheFormHoldsKeepsItWhole() {
        String longText = "Weekend special. " + "x".repeat(4500);
        assertThat(bed.events
                        .awaitAnswer(bed.slash(
                                ALICE_MEMBER,
                                "new",
                                Map.of(
                                        Fields.TEXT,
                                        longText,
                                        Fields.LISTS,
                                        "VIP",
                                        Fields.MEDIA,
                                        "48213377,99",
                                        Fields.PREVIEW,
                                        1L,
                                        Fields.PRICE,
                                        12.5)))
                        .content())
                .contains("MC-1 is waiting");

        DataObject modal = bed.events
                .awaitAnswer(bed.slash(ALICE_MEMBER, "edit", Map.of("campaign", "MC-1")))
                .json();

        DataObject first = modal.getArray("components").getObject(0);
        assertThat(first.getInt("type")).isEqualTo(Component.Type.TEXT_DISPLAY.getKey());
        assertThat(first.getString("content"))
                .contains("4,517 characters", "stays exactly as it is", "/masscast edit campaign:MC-1 text:");
        String saved = bed.submit(
                ALICE_MEMBER,
                modal.getString("custom_id"),
                Map.of(Fields.LISTS, List.of("1187345"), Fields.EXCLUDE, List.of(), Fields.PRICE, "15", Fields.AT, ""));
        assertThat(bed.events.awaitAnswer(saved).content()).contains("MC-1 was edited");
        assertThat(bed.campaign(1).content().price()).isEqualByComparingTo("15");
        assertThat(bed.campaign(1).content().text()).isEqualTo(longText);
    }

    // ---- helpers

    private String openedModal(String command) {
        DiscordEvents.Answer answer = bed.events.awaitAnswer(command);
        assertThat(answer.how()).isEqualTo("modal");
        return answer.json().getString("custom_id");
    }

    private static List<String> labels(DataArray components) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < components.length(); i++) {
            labels.add(components.getObject(i).getString("label", ""));
        }
        return labels;
    }

    private static DataObject child(DataArray components, int index) {
        return components.getObject(index).getObject("component");
    }

    /** A menu's options as {@code label · description · value}. */
    private static List<String> options(DataObject menu) {
        List<String> options = new ArrayList<>();
        DataArray all = menu.getArray("options");
        for (int i = 0; i < all.length(); i++) {
            DataObject option = all.getObject(i);
            options.add(option.getString("label") + " · " + option.getString("description", "") + " · "
                    + option.getString("value"));
        }
        return options;
    }
}
