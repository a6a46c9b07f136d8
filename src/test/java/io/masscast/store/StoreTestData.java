package io.masscast.store;

import io.masscast.core.model.Audience;
import io.masscast.core.model.Binding;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.Platform;
import io.masscast.core.model.QuietHours;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Records for the store tests. Instants are whole milliseconds, the precision the schema keeps. */
final class StoreTestData {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final ChannelRef CHANNEL = new ChannelRef(Platform.SLACK, "T-agency", "C-lola");

    /** Text that breaks naive encodings: quotes, commas, backslashes, newlines, emoji, right-to-left. */
    static final String TRICKY_TEXT = "Hi \"babe\", it's me 😘\nLine two\\ with a tab\t, [brackets] and عربي";

    private StoreTestData() {}

    static CampaignBuilder aCampaign() {
        return new CampaignBuilder();
    }

    /** A campaign with every optional field present and text that is hard to store. */
    static Campaign fullCampaign() {
        MessageContent content = new MessageContent(
                TRICKY_TEXT,
                false,
                true,
                List.of(
                        MediaItem.vault(123),
                        new MediaItem(MediaItem.Kind.URL, "https://cdn.example/a,b.jpg?x=\"1\":2"),
                        new MediaItem(MediaItem.Kind.UPLOAD, "upload:ünï")),
                2,
                new BigDecimal("12.50"));
        Audience audience = new Audience(
                List.of("u1", "u,2", "u\"3"),
                List.of("fans", "VIP, \"gold\" 🥇"),
                List.of("muted\nlist"),
                Optional.of(T0.minus(Duration.ofDays(30))));
        return new Campaign(
                0,
                0,
                CHANNEL,
                "conn-lola",
                "U-req",
                "Ana 🌸",
                content,
                audience,
                Optional.of(T0.plusSeconds(7200)),
                CampaignState.SCHEDULED,
                "fp-full",
                0,
                T0,
                T0.plusSeconds(60),
                Optional.of(987_654_321_012L),
                Optional.of(T0.plusSeconds(30)),
                Optional.of(T0.plusSeconds(40)),
                Optional.of(T0.plusSeconds(86_400)),
                Optional.of("note: \"ok\"\nsecond line"));
    }

    /** The campaign as the store returns it: with the id, number and version it assigned. */
    static Campaign stored(Campaign campaign, long id, int number, long version) {
        return new Campaign(
                id,
                number,
                campaign.channel(),
                campaign.connectionId(),
                campaign.requesterId(),
                campaign.requesterName(),
                campaign.content(),
                campaign.audience(),
                campaign.scheduledAt(),
                campaign.state(),
                campaign.fingerprint(),
                version,
                campaign.createdAt(),
                campaign.updatedAt(),
                campaign.ofauthMessageId(),
                campaign.requestStartedAt(),
                campaign.sentAt(),
                campaign.unsendableUntil(),
                campaign.note());
    }

    static Binding fullBinding(ChannelRef channel) {
        BindingPolicy policy = new BindingPolicy(
                2,
                true,
                Optional.of(5),
                Duration.ofMinutes(90),
                Optional.of(new QuietHours(LocalTime.of(23, 0), LocalTime.of(8, 30, 15))),
                Optional.of(LocalTime.of(7, 45)),
                Optional.of(Duration.ofHours(36)),
                Optional.of(Duration.ofMinutes(45)));
        return new Binding(
                channel,
                "conn-lola",
                "Lola ✨ \"the\" creator",
                ZoneId.of("America/New_York"),
                Set.of("U1", "S-approvers,team", "U\"2\" 🙂"),
                policy);
    }

    static Binding plainBinding(ChannelRef channel) {
        return new Binding(
                channel,
                "conn-" + channel.channelId(),
                "Creator",
                ZoneId.of("UTC"),
                Set.of(),
                BindingPolicy.defaults());
    }

    /** Builds campaigns that differ from a plain pending one only where a test says so. */
    static final class CampaignBuilder {
        private ChannelRef channel = CHANNEL;
        private String connectionId = "conn-lola";
        private CampaignState state = CampaignState.PENDING_APPROVAL;
        private Optional<Instant> scheduledAt = Optional.empty();
        private Optional<Instant> sentAt = Optional.empty();
        private Optional<Instant> requestStartedAt = Optional.empty();
        private Instant createdAt = T0;
        private Instant updatedAt = T0;

        CampaignBuilder in(ChannelRef value) {
            channel = value;
            return this;
        }

        CampaignBuilder connection(String value) {
            connectionId = value;
            return this;
        }

        CampaignBuilder state(CampaignState value) {
            state = value;
            return this;
        }

        CampaignBuilder scheduledAt(Instant value) {
            scheduledAt = Optional.of(value);
            return this;
        }

        CampaignBuilder sentAt(Instant value) {
            sentAt = Optional.of(value);
            return this;
        }

        CampaignBuilder requestStartedAt(Instant value) {
            requestStartedAt = Optional.of(value);
            return this;
        }

        CampaignBuilder createdAt(Instant value) {
            createdAt = value;
            updatedAt = value;
            return this;
        }

        CampaignBuilder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        Campaign build() {
            return new Campaign(
                    0,
                    0,
                    channel,
                    connectionId,
                    "U-req",
                    "",
                    MessageContent.text("Hello"),
                    Audience.ofLists("fans"),
                    scheduledAt,
                    state,
                    "fp-1",
                    0,
                    createdAt,
                    updatedAt,
                    Optional.empty(),
                    requestStartedAt,
                    sentAt,
                    Optional.empty(),
                    Optional.empty());
        }
    }
}
