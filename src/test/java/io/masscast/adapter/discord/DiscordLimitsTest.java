package io.masscast.adapter.discord;

import static io.masscast.adapter.discord.DiscordTestBed.ALICE_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.adapter.common.FormChoices;
import io.masscast.core.command.ActionId;
import io.masscast.core.command.Card;
import io.masscast.core.command.CardAction;
import io.masscast.core.command.FieldValue;
import io.masscast.core.command.FormSpec;
import io.masscast.core.command.RawValue;
import io.masscast.core.command.Reply;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.FanList;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

/**
 * Everything masscast sends Discord stays within Discord's limits, checked on the JSON itself: the registered
 * command (names, descriptions, option and choice counts, size), every variant of the compose and reject modals,
 * every card's embed and buttons (real cards in every state and cards with extreme values), and replies.
 */
class DiscordLimitsTest {
    private static final Pattern NAME = Pattern.compile("[-_\\p{Ll}\\p{N}]{1,32}");
    private static final ZoneId BERLIN = ZoneId.of("America/Argentina/ComodRivadavia");
    private static final String LONG = "Ü".repeat(5000);

    @Test
    void theRegisteredCommandKeepsDiscordsLimits() {
        DataObject command = DiscordCommands.definition().toData();

        assertThat(command.getString("name")).matches(NAME);
        assertThat(command.getString("description")).hasSizeBetween(1, 100);
        DataArray subcommands = command.getArray("options");
        assertThat(subcommands.length()).isBetween(1, 25);
        int characters = command.getString("name").length()
                + command.getString("description").length();
        for (DataObject sub : objects(subcommands)) {
            assertThat(sub.getString("name")).matches(NAME);
            assertThat(sub.getString("description")).hasSizeBetween(1, 100);
            characters += sub.getString("name").length()
                    + sub.getString("description").length();
            List<DataObject> options = objects(array(sub, "options"));
            assertThat(options).as(sub.getString("name")).hasSizeLessThanOrEqualTo(25);
            boolean optionalSeen = false;
            for (DataObject option : options) {
                assertThat(option.getString("name")).matches(NAME);
                assertThat(option.getString("description"))
                        .as(option.getString("name"))
                        .hasSizeBetween(1, 100);
                boolean required = option.getBoolean("required", false);
                assertThat(required && optionalSeen)
                        .as("required options come first in " + sub.getString("name"))
                        .isFalse();
                optionalSeen |= !required;
                assertThat(objects(array(option, "choices"))).hasSizeLessThanOrEqualTo(25);
                characters += option.getString("name").length()
                        + option.getString("description").length();
            }
        }
        assertThat(characters)
                .as("name and description characters of the whole command")
                .isLessThanOrEqualTo(4000);
        assertThat(DiscordCommands.json())
                .isEqualTo(DataArray.empty().add(command).toPrettyString());
    }

    @Test
    void everyComposeModalKeepsDiscordsLimits() {
        List<FanList> few = lists(25, 120);
        List<FanList> many = lists(40, 10);
        Map<String, FieldValue> full = Map.of(
                Fields.TEXT,
                RawValue.of("x".repeat(4000)),
                Fields.LISTS,
                new RawValue(few.stream().map(FanList::id).toList()),
                Fields.PRICE,
                RawValue.of("9".repeat(200)),
                Fields.AT,
                new FieldValue.Moment(Instant.parse("2026-03-21T19:00:00Z")));
        List<FormSpec> specs = List.of(
                spec(Optional.empty(), Map.of()),
                spec(Optional.of(12L), full),
                spec(Optional.of(12L), Map.of(Fields.TEXT, RawValue.of(LONG))),
                spec(Optional.empty(), Map.of(Fields.LISTS, RawValue.of(LONG))));
        for (FormSpec spec : specs) {
            for (FormChoices choices : List.of(
                    new FormChoices(Optional.of(few), List.of()),
                    new FormChoices(Optional.of(many), List.of()),
                    new FormChoices(Optional.empty(), List.of()))) {
                checkModal(new DiscordComposeModal()
                        .render("abcdefghijkl", spec, choices)
                        .toData());
            }
        }
        checkModal(new DiscordRejectModal()
                .render(new ActionId(ActionId.Verb.REJECT, Long.MAX_VALUE / 10, "f".repeat(64)))
                .toData());
    }

    @Test
    void cardsWithExtremeValuesKeepDiscordsLimits() {
        List<Card.Field> fields = IntStream.rangeClosed(1, 14)
                .mapToObj(i -> new Card.Field("Field " + i + " " + LONG, LONG))
                .toList();
        List<CardAction> actions = EnumSet.allOf(ActionId.Verb.class).stream()
                .map(verb -> new CardAction(
                        LONG,
                        new ActionId(verb, 999_999_999_999_999_999L, "a".repeat(64)),
                        CardAction.Style.DANGER,
                        Optional.of(new CardAction.Confirm(LONG, LONG, LONG, LONG, true))))
                .toList();
        for (Card.Tone tone : Card.Tone.values()) {
            Card card = new Card(LONG, tone, fields, LONG, LONG, actions);
            checkMessage(new DiscordCards().render(card, false).create().toData());
            checkMessage(new DiscordReplies(new DiscordCards(), new PendingForms(Clock.systemUTC()))
                    .render(new Reply.Confirm(actions.get(0)))
                    .create()
                    .toData());
        }
        List<FieldError> errors = IntStream.range(0, 60)
                .mapToObj(i -> new FieldError(Fields.TEXT, LONG))
                .toList();
        checkMessage(new DiscordReplies(new DiscordCards(), new PendingForms(Clock.systemUTC()))
                .render(new Reply.Errors(errors, spec(Optional.empty(), Map.of())))
                .create()
                .toData());
        checkMessage(DiscordMessage.privately(LONG).create().toData());
    }

    @Test
    void theCardInEveryStateKeepsDiscordsLimits() {
        try (DiscordTestBed bed = DiscordTestBed.start()) {
            bed.bindChannel();
            bed.events.awaitAnswer(bed.slash(
                    ALICE_MEMBER,
                    "new",
                    Map.of(
                            Fields.TEXT,
                            "Hi ".repeat(3000),
                            Fields.LISTS,
                            "VIP, Whales",
                            Fields.EXCLUDE,
                            "Churned",
                            Fields.USERS,
                            "1,2,3",
                            Fields.MEDIA,
                            "48213377,99",
                            Fields.PREVIEW,
                            1L,
                            Fields.PRICE,
                            199.99,
                            Fields.AT,
                            "in 2h")));
            for (CampaignState state : CampaignState.values()) {
                bed.state(
                        1,
                        state,
                        Optional.of(70_000_000_001L),
                        Optional.of(bed.clock.instant().plusSeconds(3600)));
                bed.showCard(1);
            }
            assertThat(bed.discord.calls())
                    .hasSize(CampaignState.values().length)
                    .allSatisfy(call -> checkMessage(call.json()));
        }
    }

    // ---- the limits

    private static void checkModal(DataObject modal) {
        assertThat(modal.getString("title")).hasSizeBetween(1, 45);
        assertThat(modal.getString("custom_id")).hasSizeBetween(1, 100);
        List<DataObject> components = objects(modal.getArray("components"));
        assertThat(components).hasSizeBetween(1, 5);
        for (DataObject top : components) {
            if (top.getInt("type") == Component.Type.TEXT_DISPLAY.getKey()) {
                assertThat(top.getString("content")).hasSizeBetween(1, 4000);
                continue;
            }
            assertThat(top.getInt("type")).isEqualTo(Component.Type.LABEL.getKey());
            assertThat(top.getString("label")).hasSizeBetween(1, 45);
            assertThat(top.getString("description", "")).hasSizeLessThanOrEqualTo(100);
            DataObject child = top.getObject("component");
            assertThat(child.getString("custom_id")).hasSizeBetween(1, 100);
            if (child.getInt("type") == Component.Type.TEXT_INPUT.getKey()) {
                int max = child.getInt("max_length", 4000);
                assertThat(max).isBetween(1, 4000);
                assertThat(child.getString("value", "")).hasSizeLessThanOrEqualTo(max);
                assertThat(child.getString("placeholder", "")).hasSizeLessThanOrEqualTo(100);
            } else {
                assertThat(child.getInt("type")).isEqualTo(Component.Type.STRING_SELECT.getKey());
                List<DataObject> options = objects(child.getArray("options"));
                assertThat(options).hasSizeBetween(1, 25);
                assertThat(child.getInt("max_values")).isBetween(1, options.size());
                options.forEach(option -> {
                    assertThat(option.getString("label")).hasSizeBetween(1, 100);
                    assertThat(option.getString("value")).hasSizeBetween(1, 100);
                    assertThat(option.getString("description", "")).hasSizeLessThanOrEqualTo(100);
                });
            }
        }
    }

    private static void checkMessage(DataObject message) {
        assertThat(message.getString("content", "")).hasSizeLessThanOrEqualTo(2000);
        List<DataObject> embeds = objects(array(message, "embeds"));
        assertThat(embeds).hasSizeLessThanOrEqualTo(10);
        for (DataObject embed : embeds) {
            int total = embed.getString("title", "").length()
                    + embed.getString("description", "").length();
            assertThat(embed.getString("title", "")).hasSizeLessThanOrEqualTo(256);
            assertThat(embed.getString("description", "")).hasSizeLessThanOrEqualTo(4096);
            List<DataObject> fields = objects(array(embed, "fields"));
            assertThat(fields).hasSizeLessThanOrEqualTo(25);
            for (DataObject field : fields) {
                assertThat(field.getString("name")).hasSizeBetween(1, 256);
                assertThat(field.getString("value")).hasSizeBetween(1, 1024);
                total += field.getString("name").length()
                        + field.getString("value").length();
            }
            if (embed.hasKey("footer")) {
                assertThat(embed.getObject("footer").getString("text")).hasSizeLessThanOrEqualTo(2048);
                total += embed.getObject("footer").getString("text").length();
            }
            assertThat(total).as("characters in one embed").isLessThanOrEqualTo(6000);
        }
        List<DataObject> rows = objects(array(message, "components"));
        assertThat(rows).hasSizeLessThanOrEqualTo(5);
        int count = 0;
        for (DataObject row : rows) {
            List<DataObject> buttons = objects(row.getArray("components"));
            assertThat(buttons).hasSizeBetween(1, 5);
            count += 1 + buttons.size();
            buttons.forEach(button -> {
                assertThat(button.getString("label")).hasSizeBetween(1, 80);
                assertThat(button.getString("custom_id")).hasSizeBetween(1, 100);
            });
        }
        assertThat(count).as("components in the message's tree").isLessThanOrEqualTo(40);
    }

    // ---- data

    private static FormSpec spec(Optional<Long> campaign, Map<String, FieldValue> values) {
        return new FormSpec(
                campaign,
                campaign.map(id -> "Edit MC-" + id).orElse("New mass message for " + LONG),
                LONG,
                BERLIN,
                values);
    }

    private static List<FanList> lists(int count, int nameLength) {
        List<FanList> lists = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lists.add(new FanList(
                    Integer.toString(3_000_000 + i),
                    ("List " + i + " ").repeat(nameLength).substring(0, nameLength),
                    "custom",
                    Optional.of(1_000_000_000L * i)));
        }
        return lists;
    }

    private static DataArray array(DataObject parent, String key) {
        return parent.optArray(key).orElse(DataArray.empty());
    }

    private static List<DataObject> objects(DataArray array) {
        return IntStream.range(0, array.length()).mapToObj(array::getObject).toList();
    }
}
