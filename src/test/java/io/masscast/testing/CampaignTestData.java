package io.masscast.testing;

import io.masscast.core.model.Actor;
import io.masscast.core.model.Audience;
import io.masscast.core.model.Binding;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.Platform;
import io.masscast.core.model.SendTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builders for test campaigns and bindings: a valid PPV draft to a list unless a test changes it. */
public final class CampaignTestData {
    public static final ChannelRef CHANNEL = new ChannelRef(Platform.SHELL, "agency", "mila");
    public static final Actor ALICE = Actor.of("alice", "Alice");
    public static final Actor BOB = Actor.of("bob", "Bob");
    public static final Actor CAROL = Actor.of("carol", "Carol");
    public static final Actor DAVE = Actor.of("dave", "Dave");
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private CampaignTestData() {}

    public static Binding binding() {
        return binding(BindingPolicy.defaults());
    }

    public static Binding binding(BindingPolicy policy) {
        return new Binding(CHANNEL, "conn_demo", "Mila Rose", BERLIN, Set.of("bob", "carol", "dave"), policy);
    }

    public static DraftBuilder draft() {
        return new DraftBuilder();
    }

    /** A mutable builder; {@link #build()} makes the immutable draft. */
    public static final class DraftBuilder {
        private String text = "New set is up 🔥";
        private boolean markdown = true;
        private boolean locked;
        private List<MediaItem> media = new ArrayList<>(List.of(MediaItem.vault(48213377), MediaItem.vault(48213378)));
        private int preview = 1;
        private BigDecimal price = new BigDecimal("12.50");
        private List<String> userIds = List.of();
        private List<String> lists = List.of("1187345");
        private List<String> excluded = List.of();
        private Optional<Instant> subscribedAfter = Optional.empty();
        private Optional<SendTime> sendAt = Optional.empty();

        public DraftBuilder text(String value) {
            text = value;
            return this;
        }

        public DraftBuilder locked(boolean value) {
            locked = value;
            return this;
        }

        public DraftBuilder media(MediaItem... items) {
            media = List.of(items);
            return this;
        }

        public DraftBuilder preview(int value) {
            preview = value;
            return this;
        }

        public DraftBuilder price(String value) {
            price = new BigDecimal(value);
            return this;
        }

        public DraftBuilder free() {
            price = BigDecimal.ZERO;
            return this;
        }

        public DraftBuilder users(String... ids) {
            userIds = List.of(ids);
            return this;
        }

        public DraftBuilder lists(String... ids) {
            lists = List.of(ids);
            return this;
        }

        public DraftBuilder exclude(String... ids) {
            excluded = List.of(ids);
            return this;
        }

        public DraftBuilder subscribedAfter(Instant value) {
            subscribedAfter = Optional.of(value);
            return this;
        }

        public DraftBuilder at(String localDateTime) {
            sendAt = Optional.of(SendTime.local(LocalDateTime.parse(localDateTime)));
            return this;
        }

        public CampaignDraft build() {
            return new CampaignDraft(
                    new MessageContent(text, markdown, locked, media, preview, price),
                    new Audience(userIds, lists, excluded, subscribedAfter),
                    sendAt);
        }
    }
}
