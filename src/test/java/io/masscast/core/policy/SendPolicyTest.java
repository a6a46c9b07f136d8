package io.masscast.core.policy;

import static io.masscast.testing.CampaignTestData.binding;
import static io.masscast.testing.CampaignTestData.draft;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.model.Audience;
import io.masscast.core.model.Binding;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.QuietHours;
import io.masscast.testing.CampaignTestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendPolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z"); // 11:00 in Berlin
    private final SendPolicy policy = new SendPolicy();

    private SendPolicy.DraftVerdict check(CampaignTestData.DraftBuilder draft) {
        return check(draft, binding(), List.of());
    }

    private SendPolicy.DraftVerdict check(CampaignTestData.DraftBuilder draft, Binding binding, List<Campaign> others) {
        return policy.checkDraft(
                draft.build(),
                binding,
                NOW,
                (from, to) -> others.stream()
                        .filter(c ->
                                !c.sendTime().isBefore(from) && c.sendTime().isBefore(to))
                        .toList(),
                0);
    }

    private static List<FieldError> errorsOn(SendPolicy.DraftVerdict verdict, String field) {
        return verdict.errors().stream().filter(e -> e.field().equals(field)).toList();
    }

    @Test
    void aValidPpvDraftToAListPasses() {
        SendPolicy.DraftVerdict verdict = check(draft());

        assertThat(verdict.errors()).isEmpty();
        assertThat(verdict.scheduledAt()).isEmpty();
    }

    @Test
    void anAudienceIsRequiredSoNothingGoesToEveryoneByAccident() {
        SendPolicy.DraftVerdict verdict = check(draft().lists());

        assertThat(errorsOn(verdict, Fields.LISTS))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("never sends to everyone");
    }

    @Test
    void fanIdsOrASubscribedAfterDateAreAnAudienceToo() {
        assertThat(check(draft().lists().users("51277310")).errors()).isEmpty();
        assertThat(check(draft().lists().subscribedAfter(Instant.parse("2026-01-01T00:00:00Z")))
                        .errors())
                .isEmpty();
    }

    @Test
    void aSubscribedAfterDateInTheFutureWouldReachNobody() {
        SendPolicy.DraftVerdict verdict = check(draft().subscribedAfter(NOW.plusSeconds(3600)));

        assertThat(errorsOn(verdict, Fields.SUBSCRIBED_AFTER))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("in the future");
    }

    @Test
    void aListCannotBeIncludedAndExcludedAtOnce() {
        SendPolicy.DraftVerdict verdict = check(draft().lists("fans", "1187345").exclude("1187345"));

        assertThat(errorsOn(verdict, Fields.EXCLUDE))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("1187345")
                .contains("both included and excluded");
    }

    @Test
    void textIsAtMostTenThousandCharacters() {
        assertThat(check(draft().text("x".repeat(10_000))).errors()).isEmpty();

        SendPolicy.DraftVerdict verdict = check(draft().text("x".repeat(10_001)));

        assertThat(errorsOn(verdict, Fields.TEXT))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("10001")
                .contains("at most 10000");
    }

    @Test
    void aMessageNeedsTextOrMedia() {
        SendPolicy.DraftVerdict verdict =
                check(draft().text("  ").media().preview(0).free());

        assertThat(errorsOn(verdict, Fields.TEXT))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("Write a text or add media");
        assertThat(check(draft().text("").preview(0).free()).errors()).isEmpty();
    }

    @Test
    void controlCharactersInTheTextAreRefusedButNewLinesAndTabsAreKept() {
        for (String text : List.of("nul\u0000", "esc \u001B[2J", "del\u007F", "c1 \u0085", "csi \u009B31m")) {
            assertThat(errorsOn(check(draft().text(text)), Fields.TEXT))
                    .as(text)
                    .singleElement()
                    .extracting(FieldError::message)
                    .asString()
                    .startsWith("The text contains the control character U+00");
        }
        assertThat(check(draft().text("Line one\n\tline two")).errors()).isEmpty();
    }

    @Test
    void aTextMadeOnlyOfInvisibleCharactersIsRefusedEvenWithMedia() {
        for (String text : List.of("\u200B", "\uFEFF", "\u00A0", "\u2800", "\u3164", "\u200B \u00A0\n")) {
            assertThat(errorsOn(check(draft().text(text)), Fields.TEXT))
                    .as(text)
                    .singleElement()
                    .extracting(FieldError::message)
                    .asString()
                    .startsWith("The text has no visible character");
        }
    }

    @Test
    void aSendTimeAtTheEdgeOfTheCalendarIsRefusedWithoutCountingTheDailyCap() {
        Binding capped = binding(new BindingPolicy(
                1,
                false,
                Optional.of(3),
                Duration.ofHours(1),
                Optional.of(new QuietHours(LocalTime.of(23, 0), LocalTime.of(8, 0)))));

        SendPolicy.DraftVerdict farFuture = check(draft().at("+999999999-12-31T23:59"), capped, List.of());
        SendPolicy.DraftVerdict farPast = check(draft().at("-999999999-01-01T00:00"), capped, List.of());

        assertThat(errorsOn(farFuture, Fields.AT))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("more than 90 days ahead");
        assertThat(errorsOn(farPast, Fields.AT))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("at least one minute from now");
    }

    @Test
    void aPriceIsFreeOrBetweenThreeAndTwoHundred() {
        assertThat(check(draft().free()).errors()).isEmpty();
        assertThat(check(draft().price("3.00")).errors()).isEmpty();
        assertThat(check(draft().price("200")).errors()).isEmpty();

        assertThat(errorsOn(check(draft().price("2.99")), Fields.PRICE))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("3.00 to 200.00")
                .contains("2.99");
        assertThat(errorsOn(check(draft().price("200.01")), Fields.PRICE)).hasSize(1);
        assertThat(errorsOn(check(draft().price("-5")), Fields.PRICE))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("can't be negative");
    }

    @Test
    void aPriceHasAtMostTwoDecimals() {
        assertThat(check(draft().price("12.500")).errors()).isEmpty();

        assertThat(errorsOn(check(draft().price("12.345")), Fields.PRICE))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("at most two decimals");
    }

    @Test
    void aPricedMessageNeedsMediaBehindThePrice() {
        assertThat(errorsOn(check(draft().media().preview(0)), Fields.MEDIA))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("needs media to sell");
        assertThat(errorsOn(check(draft().preview(2)), Fields.PREVIEW))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("nothing is behind the price");
    }

    @Test
    void lockedTextNeedsAPrice() {
        assertThat(errorsOn(check(draft().free().locked(true)), Fields.LOCKED))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("Locked text needs a price");
        assertThat(check(draft().locked(true)).errors()).isEmpty();
    }

    @Test
    void previewCountIsAtMostTheNumberOfMedia() {
        SendPolicy.DraftVerdict verdict = check(draft().free().preview(3));

        assertThat(errorsOn(verdict, Fields.PREVIEW))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("more than the 2 media");
    }

    @Test
    void mediaItemsAreVaultIdsUploadReferencesOrHttpLinks() {
        assertThat(MediaRules.classify("48213377")).contains(MediaItem.vault(48213377));
        assertThat(MediaRules.classify("upload:6f1c2a90-2b7e-4c1e-9d7a-0e5b1f3c8a21"))
                .map(MediaItem::kind)
                .contains(MediaItem.Kind.UPLOAD);
        assertThat(MediaRules.classify("ofauth_upload_abc123"))
                .map(MediaItem::kind)
                .contains(MediaItem.Kind.UPLOAD);
        assertThat(MediaRules.classify("https://cdn.example.com/a.jpg"))
                .map(MediaItem::kind)
                .contains(MediaItem.Kind.URL);

        assertThat(MediaRules.classify("0")).isEmpty();
        assertThat(MediaRules.classify("-4")).isEmpty();
        assertThat(MediaRules.classify("ftp://example.com/a.jpg")).isEmpty();
        assertThat(MediaRules.classify("photo.jpg")).isEmpty();
        assertThat(MediaRules.classify("99999999999999999999")).isEmpty();
    }

    @Test
    void aLinkMayHoldAnyScriptButNoControlInvisibleOrDirectionCharacter() {
        assertThat(MediaRules.classify("https://cdn.example.com/фото.jpg")).isPresent();
        for (String link : List.of(
                "https://cdn.example.com/\u202Egpj.exe",
                "https://cdn.example.com/a\u0000.jpg",
                "https://cdn.example.com/" + "a".repeat(2_100))) {
            assertThat(MediaRules.classify(link)).as(link.substring(0, 30)).isEmpty();
        }
    }

    @Test
    void aMediaItemWhoseValueDoesNotMatchItsKindIsRefused() {
        SendPolicy.DraftVerdict verdict = check(draft().free()
                .media(new MediaItem(MediaItem.Kind.URL, "not a link"))
                .preview(0));

        assertThat(errorsOn(verdict, Fields.MEDIA))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("\"not a link\" is not a media item");
    }

    @Test
    void aScheduledTimeIsReadInTheCreatorsZone() {
        SendPolicy.DraftVerdict verdict = check(draft().at("2026-03-21T20:00"));

        assertThat(verdict.errors()).isEmpty();
        assertThat(verdict.scheduledAt()).contains(Instant.parse("2026-03-21T19:00:00Z"));
    }

    @Test
    void aScheduledTimeMustBeAtLeastAMinuteAhead() {
        assertThat(errorsOn(check(draft().at("2026-03-20T11:00:30")), Fields.AT))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("at least one minute from now");
        assertThat(check(draft().at("2026-03-20T11:01")).errors()).isEmpty();
    }

    @Test
    void aScheduledTimeIsAtMostNinetyDaysAhead() {
        assertThat(check(draft().at("2026-06-18T12:00")).errors()).isEmpty(); // 10:00Z, 90 days after now
        assertThat(errorsOn(check(draft().at("2026-06-18T12:01")), Fields.AT))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("more than 90 days ahead");
    }

    @Test
    void aTimeSkippedByTheSpringClockChangeIsRefusedWithTheReason() {
        SendPolicy.DraftVerdict verdict = check(draft().at("2026-03-29T02:30"));

        assertThat(errorsOn(verdict, Fields.AT))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("does not exist in Europe/Berlin")
                .contains("from 02:00 to 03:00");
        assertThat(verdict.scheduledAt()).isEmpty();
    }

    @Test
    void aTimeRepeatedByTheAutumnClockChangeTakesTheEarlierOffsetAndSaysSo() {
        Instant now = Instant.parse("2026-10-20T10:00:00Z");
        SendPolicy.DraftVerdict verdict =
                policy.checkDraft(draft().at("2026-10-25T02:30").build(), binding(), now, (from, to) -> List.of(), 0);

        assertThat(verdict.errors()).isEmpty();
        assertThat(verdict.scheduledAt()).contains(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(verdict.notes())
                .singleElement()
                .asString()
                .contains("happens twice")
                .contains("+02:00");
    }

    @Test
    void quietHoursRefuseASendInsideThem() {
        Binding quiet = binding(new BindingPolicy(
                1,
                false,
                Optional.empty(),
                Duration.ZERO,
                Optional.of(new QuietHours(LocalTime.of(23, 0), LocalTime.of(8, 0)))));

        assertThat(errorsOn(check(draft().at("2026-03-21T02:00"), quiet, List.of()), Fields.AT))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("quiet hours (23:00–08:00 Europe/Berlin)");
        assertThat(check(draft().at("2026-03-21T08:00"), quiet, List.of()).errors())
                .isEmpty();
        assertThat(check(draft(), quiet, List.of()).errors()).isEmpty(); // now is 11:00 in Berlin
    }

    @Test
    void theDailyCapCountsOtherSendsOnTheSameLocalDay() {
        Binding capped = binding(new BindingPolicy(1, false, Optional.of(2), Duration.ZERO, Optional.empty()));
        List<Campaign> others = List.of(
                sent(1, Instant.parse("2026-03-21T06:00:00Z")),
                sent(2, Instant.parse("2026-03-21T22:30:00Z"))); // 23:30 Berlin, same local day

        assertThat(errorsOn(check(draft().at("2026-03-21T20:00"), capped, others), Fields.AT))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("already has 2 send(s) on 2026-03-21")
                .contains("allows 2 a day");
        assertThat(check(draft().at("2026-03-22T20:00"), capped, others).errors())
                .isEmpty();
    }

    @Test
    void theMinimumGapKeepsSendsApart() {
        Binding spaced = binding(new BindingPolicy(1, false, Optional.empty(), Duration.ofHours(2), Optional.empty()));
        List<Campaign> others = List.of(sent(7, Instant.parse("2026-03-21T18:00:00Z")));

        assertThat(errorsOn(check(draft().at("2026-03-21T20:30"), spaced, others), Fields.AT))
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("MC-7 goes out at 2026-03-21 19:00")
                .contains("keeps 2 h between sends");
        assertThat(check(draft().at("2026-03-21T21:00"), spaced, others).errors())
                .isEmpty();
        assertThat(check(draft().at("2026-03-21T17:00"), spaced, others).errors())
                .isEmpty();
    }

    @Test
    void approvalTimeChecksTheStoredCampaignAgain() {
        Campaign late = sent(3, NOW.plusSeconds(30));
        Campaign due = new Campaign(
                late.id(),
                late.number(),
                late.channel(),
                late.connectionId(),
                "alice",
                "Alice",
                late.content(),
                late.audience(),
                Optional.of(NOW.plusSeconds(30)),
                CampaignState.PENDING_APPROVAL,
                "fp",
                1,
                NOW,
                NOW,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        assertThat(policy.checkBeforeApproval(due, binding(), NOW, (from, to) -> List.of()))
                .extracting(FieldError::field)
                .containsExactly(Fields.AT);
    }

    private static Campaign sent(int number, Instant at) {
        return new Campaign(
                number,
                number,
                CampaignTestData.CHANNEL,
                "conn_demo",
                "alice",
                "Alice",
                MessageContent.text("hi"),
                Audience.ofLists("fans"),
                Optional.of(at),
                CampaignState.SCHEDULED,
                "fp",
                1,
                at,
                at,
                Optional.of(100L + number),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
