package io.masscast.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.FanList;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.SendTime;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DraftParserTest {
    private static final List<FanList> LISTS = List.of(
            new FanList("fans", "Fans", "fans", Optional.of(2192L)),
            new FanList("1187345", "VIP whales", "custom", Optional.of(27L)),
            new FanList("1190022", "Do not PPV", "custom", Optional.of(80L)));

    private final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z"); // 11:00 in Berlin
    private final DraftParser parser = new DraftParser(clock);

    private DraftParser.Result parse(String line) {
        return parse(line, DraftParser.empty());
    }

    private DraftParser.Result parse(String line, CampaignDraft base) {
        Map<String, RawValue> values = new LinkedHashMap<>(ArgumentParser.parse(line).named());
        return parser.parse(values, base, CampaignTestData.binding(), () -> LISTS);
    }

    private static List<FieldError> errors(DraftParser.Result result, String field) {
        return result.errors().stream().filter(e -> e.field().equals(field)).toList();
    }

    @Test
    void readsEveryField() {
        CampaignDraft draft = parse("text=\"Hi\\nthere\" lists=\"vip WHALES\",fans exclude=1190022 users=51277310 "
                + "subscribed_after=2026-01-01 media=48213377,https://cdn.example.com/a.jpg preview=1 price=$12.50 "
                + "locked=yes markdown=no at=\"2026-03-21 20:00\"").draft().orElseThrow();

        assertThat(draft.content().text()).isEqualTo("Hi\nthere");
        assertThat(draft.content().markdown()).isFalse();
        assertThat(draft.content().lockedText()).isTrue();
        assertThat(draft.content().media()).containsExactly(MediaItem.vault(48213377),
                new MediaItem(MediaItem.Kind.URL, "https://cdn.example.com/a.jpg"));
        assertThat(draft.content().previewCount()).isEqualTo(1);
        assertThat(draft.content().price()).isEqualByComparingTo("12.50");
        assertThat(draft.audience().lists()).containsExactly("1187345", "fans");
        assertThat(draft.audience().excludedLists()).containsExactly("1190022");
        assertThat(draft.audience().userIds()).containsExactly("51277310");
        assertThat(draft.audience().subscribedAfter()).contains(Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(draft.sendAt()).contains(SendTime.local(LocalDateTime.parse("2026-03-21T20:00")));
    }

    @Test
    void relativeSendTimesAreReadInTheCreatorsZone() {
        assertThat(parse("at=\"in 2h\"").draft().orElseThrow().sendAt()).contains(SendTime.local(LocalDateTime.parse("2026-03-20T13:00")));
        assertThat(parse("at=\"tomorrow 9:30\"").draft().orElseThrow().sendAt()).contains(SendTime.local(LocalDateTime.parse("2026-03-21T09:30")));
        assertThat(parse("at=\"today 20:00\"").draft().orElseThrow().sendAt()).contains(SendTime.local(LocalDateTime.parse("2026-03-20T20:00")));
        assertThat(parse("at=now").draft().orElseThrow().sendAt()).isEmpty();
    }

    @Test
    void anUnknownListSuggestsTheClosestNames() {
        DraftParser.Result result = parse("lists=\"VIP whale\"");

        assertThat(errors(result, Fields.LISTS)).singleElement().extracting(FieldError::message).asString()
                .isEqualTo("No list called \"VIP whale\". Did you mean \"VIP whales\"? /masscast lists shows them all.");
    }

    @Test
    void everyUnreadableValueSaysHowToWriteIt() {
        DraftParser.Result result = parse("price=abc preview=-1 locked=maybe users=bob media=photo.jpg "
                + "subscribed_after=yesterday at=soon");

        assertThat(result.draft()).isEmpty();
        assertThat(result.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                Fields.PRICE, Fields.PREVIEW, Fields.LOCKED, Fields.USERS, Fields.MEDIA, Fields.SUBSCRIBED_AFTER, Fields.AT);
        assertThat(errors(result, Fields.PRICE)).singleElement().extracting(FieldError::message).asString()
                .contains("write it like 12.50, or 0 for free");
        assertThat(errors(result, Fields.AT)).singleElement().extracting(FieldError::message).asString()
                .contains("tomorrow 9:30");
    }

    @Test
    void anUnknownKeySuggestsTheNearestField() {
        assertThat(parse("prize=12").errors()).singleElement().extracting(FieldError::message).asString()
                .startsWith("Unknown field \"prize\" (did you mean price?)");
    }

    @Test
    void anEditChangesOnlyTheGivenFields() {
        CampaignDraft base = CampaignTestData.draft().at("2026-03-21T20:00").build();

        CampaignDraft edited = parse("price=15", base).draft().orElseThrow();

        assertThat(edited.content().price()).isEqualByComparingTo(new BigDecimal("15"));
        assertThat(edited.content().text()).isEqualTo(base.content().text());
        assertThat(edited.audience()).isEqualTo(base.audience());
        assertThat(edited.sendAt()).isEqualTo(base.sendAt());
    }

    @Test
    void formValuesRoundTripThroughTheParser() {
        CampaignDraft original = parse("text=\"Hi, you\" lists=1187345 exclude=1190022 media=48213377,48213378 preview=1 "
                + "price=12.50 at=\"2026-03-21 20:00\"").draft().orElseThrow();
        Map<String, RawValue> typed = new LinkedHashMap<>();
        FormValues.of(original, CampaignTestData.BERLIN).forEach((key, value) -> {
            String text = FormValues.typed(key, value, CampaignTestData.BERLIN);
            typed.put(key, key.equals(Fields.TEXT) ? RawValue.of(text) : RawValue.parse(text));
        });

        CampaignDraft again = parser.parse(typed, DraftParser.empty(), CampaignTestData.binding(), () -> LISTS)
                .draft().orElseThrow();
        CampaignDraft asValues = parser.parse(FormValues.of(original, CampaignTestData.BERLIN), DraftParser.empty(),
                CampaignTestData.binding(), () -> LISTS).draft().orElseThrow();

        assertThat(again).isEqualTo(original);
        assertThat(asValues).isEqualTo(original);
    }
}
