package io.masscast.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.FanList;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.SendTime;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
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
        Map<String, RawValue> values =
                new LinkedHashMap<>(ArgumentParser.parse(line).named());
        return parser.parse(values, base, CampaignTestData.binding(), () -> LISTS);
    }

    private static List<FieldError> errors(DraftParser.Result result, String field) {
        return result.errors().stream().filter(e -> e.field().equals(field)).toList();
    }

    @Test
    void readsEveryField() {
        CampaignDraft draft = parse("text=\"Hi\\nthere\" lists=\"vip WHALES\",fans exclude=1190022 users=51277310 "
                        + "subscribed_after=2026-01-01 media=48213377,https://cdn.example.com/a.jpg preview=1 price=$12.50 "
                        + "locked=yes markdown=no at=\"2026-03-21 20:00\"")
                .draft()
                .orElseThrow();

        assertThat(draft.content().text()).isEqualTo("Hi\nthere");
        assertThat(draft.content().markdown()).isFalse();
        assertThat(draft.content().lockedText()).isTrue();
        assertThat(draft.content().media())
                .containsExactly(
                        MediaItem.vault(48213377), new MediaItem(MediaItem.Kind.URL, "https://cdn.example.com/a.jpg"));
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
        assertThat(parse("at=\"in 2h\"").draft().orElseThrow().sendAt())
                .contains(SendTime.local(LocalDateTime.parse("2026-03-20T13:00")));
        assertThat(parse("at=\"tomorrow 9:30\"").draft().orElseThrow().sendAt())
                .contains(SendTime.local(LocalDateTime.parse("2026-03-21T09:30")));
        assertThat(parse("at=\"today 20:00\"").draft().orElseThrow().sendAt())
                .contains(SendTime.local(LocalDateTime.parse("2026-03-20T20:00")));
        assertThat(parse("at=now").draft().orElseThrow().sendAt()).isEmpty();
    }

    @Test
    void anUnknownListSuggestsTheClosestNames() {
        DraftParser.Result result = parse("lists=\"VIP whale\"");

        assertThat(errors(result, Fields.LISTS))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .isEqualTo(
                        "No list called \"VIP whale\". Did you mean \"VIP whales\"? /masscast lists shows them all.");
    }

    @Test
    void everyUnreadableValueSaysHowToWriteIt() {
        DraftParser.Result result = parse(
                "price=abc preview=-1 locked=maybe users=bob media=photo.jpg " + "subscribed_after=yesterday at=soon");

        assertThat(result.draft()).isEmpty();
        assertThat(result.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        Fields.PRICE,
                        Fields.PREVIEW,
                        Fields.LOCKED,
                        Fields.USERS,
                        Fields.MEDIA,
                        Fields.SUBSCRIBED_AFTER,
                        Fields.AT);
        assertThat(errors(result, Fields.PRICE))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("write it like 12.50, or 0 for free");
        assertThat(errors(result, Fields.AT))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("tomorrow 9:30");
    }

    @Test
    void extremeAndMalformedPricesAreRefusedAtOnceWithAShortMessage() {
        for (String price : List.of(
                "1e-999999999",
                "1e999999999",
                "1" + "0".repeat(1_000_000),
                "\"$1$2\"",
                "NaN",
                "Infinity",
                "1.234,50",
                "٣",
                "0x10",
                "12.50USD")) {
            DraftParser.Result result = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parse("price=" + price));

            assertThat(errors(result, Fields.PRICE))
                    .as(price)
                    .singleElement()
                    .extracting(FieldError::message)
                    .asString()
                    .contains("is not a price")
                    .hasSizeLessThan(200);
        }
        assertThat(errors(parse("price=1.234,50"), Fields.PRICE).get(0).message())
                .contains("no thousands separators");
        assertThat(parse("price=$12.50").draft().orElseThrow().content().price())
                .isEqualByComparingTo("12.50");
        assertThat(parse("price=free").draft().orElseThrow().content().price()).isZero();
    }

    @Test
    void previewCountsAreSmallWholeNumbersInDigitsZeroToNine() {
        for (String preview : List.of("٣", "1e3", "-1", "1.5", "9".repeat(100_000), "1000")) {
            assertThat(errors(parse("preview=" + preview), Fields.PREVIEW))
                    .as(preview)
                    .singleElement()
                    .extracting(FieldError::message)
                    .asString()
                    .contains("is not a preview count")
                    .hasSizeLessThan(200);
        }
    }

    @Test
    void aSubscribedAfterDateFarInThePastOrFutureIsRefusedWithTheRange() {
        for (String date : List.of("-999999999-01-01", "+999999999-12-31", "2015-12-31", "2026-03-21")) {
            assertThat(errors(parse("subscribed_after=" + date), Fields.SUBSCRIBED_AFTER))
                    .as(date)
                    .singleElement()
                    .extracting(FieldError::message)
                    .asString()
                    .contains(
                            "is out of range: pick a date from 2016-01-01 (when OnlyFans opened) to today, 2026-03-20.");
        }
        assertThat(errors(parse("subscribed_after=2026-02-30"), Fields.SUBSCRIBED_AFTER))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("is not a date");
        assertThat(parse("subscribed_after=2026-03-20").draft()).isPresent();
    }

    @Test
    void aSendTimeFarOutsideTheWindowIsRefusedWithTheRange() {
        assertThat(errors(parse("at=\"+999999999-12-31 23:59\""), Fields.AT))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("is out of range: a send time is from now to 90 days ahead (2026-03-20 to 2026-06-18)");
        assertThat(errors(parse("at=\"in 9999d\""), Fields.AT))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("is out of range");
        assertThat(parse("at=\"2026-06-18 20:00\"").draft()).isPresent();
    }

    @Test
    void aTextWithACommaOutsideQuotesIsRefusedRatherThanLosingTheSpace() {
        assertThat(errors(parse("text=Hello, world"), Fields.TEXT))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("put the whole text in quotes, as in text=\"Hello, you\"");
        assertThat(parse("text=\"Hello, world\"")
                        .draft()
                        .orElseThrow()
                        .content()
                        .text())
                .isEqualTo("Hello, world");
    }

    @Test
    void manyBadItemsGiveAFewErrorsAndACountNeverTheWholeValue() {
        String manyBad = String.join(",", java.util.Collections.nCopies(5_000, "bob"));
        DraftParser.Result result = parse("users=" + manyBad);

        assertThat(errors(result, Fields.USERS))
                .hasSize(4)
                .last()
                .extracting(FieldError::message)
                .asString()
                .isEqualTo("… and 4,997 more problems like these in users.");
        String tooMany = String.join(",", java.util.Collections.nCopies(10_001, "51277310"));
        assertThat(errors(parse("users=" + tooMany), Fields.USERS))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .startsWith("10,001 fan ids are more than masscast sends to one by one (10,000)");
        assertThat(errors(parse("users=" + "7".repeat(40_000)), Fields.USERS))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .hasSizeLessThan(200)
                .contains("(40,000 characters)");
    }

    @Test
    void overlongListNamesAndMediaAreRefusedBeforeTheyAreLookedUp() {
        assertThat(errors(parse("lists=" + "v".repeat(1_000_000)), Fields.LISTS))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("is not a list name or id")
                .hasSizeLessThan(200);
        assertThat(errors(parse("media=https://cdn.example.com/" + "a".repeat(5_000)), Fields.MEDIA))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("is not a media item")
                .hasSizeLessThan(300);
    }

    @Test
    void anUnknownKeySuggestsTheNearestField() {
        assertThat(parse("prize=12").errors())
                .singleElement()
                .extracting(FieldError::message)
                .asString()
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
        CampaignDraft original = parse(
                        "text=\"Hi, you\" lists=1187345 exclude=1190022 media=48213377,48213378 preview=1 "
                                + "price=12.50 at=\"2026-03-21 20:00\"")
                .draft()
                .orElseThrow();
        Map<String, RawValue> typed = new LinkedHashMap<>();
        FormValues.of(original, CampaignTestData.BERLIN).forEach((key, value) -> {
            String text = FormValues.typed(key, value, CampaignTestData.BERLIN);
            typed.put(key, key.equals(Fields.TEXT) ? RawValue.of(text) : RawValue.parse(text));
        });

        CampaignDraft again = parser.parse(typed, DraftParser.empty(), CampaignTestData.binding(), () -> LISTS)
                .draft()
                .orElseThrow();
        CampaignDraft asValues = parser.parse(
                        FormValues.of(original, CampaignTestData.BERLIN),
                        DraftParser.empty(),
                        CampaignTestData.binding(),
                        () -> LISTS)
                .draft()
                .orElseThrow();

        assertThat(again).isEqualTo(original);
        assertThat(asValues).isEqualTo(original);
    }
}
