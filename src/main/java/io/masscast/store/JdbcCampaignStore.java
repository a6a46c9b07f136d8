package io.masscast.store;

import static java.util.stream.Collectors.joining;

import io.masscast.core.model.Audience;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.Platform;
import io.masscast.core.port.CampaignStore;
import io.masscast.core.port.WorkSignal;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Campaigns. The identity columns (channel, number, connection, requester, creation time) are written
 * once; every other column is rewritten by {@link #update}, guarded by the version.
 */
final class JdbcCampaignStore implements CampaignStore {

    private static final List<String> FIXED_COLUMNS = List.of(
            "platform",
            "workspace_id",
            "channel_id",
            "number",
            "connection_id",
            "requester_id",
            "requester_name",
            "created_at");

    /** The columns {@link #update} rewrites, in the order of {@link #changeableValues}. */
    private static final List<String> CHANGEABLE_COLUMNS = List.of(
            "text",
            "markdown",
            "locked_text",
            "media",
            "preview_count",
            "price",
            "user_ids",
            "lists",
            "excluded_lists",
            "subscribed_after",
            "scheduled_at",
            "state",
            "fingerprint",
            "updated_at",
            "ofauth_message_id",
            "request_started_at",
            "sent_at",
            "unsendable_until",
            "note",
            "send_time");

    private static final String COLUMNS = Stream.of(List.of("id", "version"), FIXED_COLUMNS, CHANGEABLE_COLUMNS)
            .flatMap(List::stream)
            .collect(joining(", "));

    private static final String NEXT_NUMBER = """
            INSERT INTO campaign_counter (platform, workspace_id, last_number)
            VALUES (?, ?, 1)
            ON CONFLICT (platform, workspace_id) DO UPDATE SET last_number = campaign_counter.last_number + 1
            RETURNING last_number""";

    private static final String INSERT = """
            INSERT INTO campaign (version, %s, %s)
            VALUES (1, %s, %s)
            RETURNING id""".formatted(
                    String.join(", ", FIXED_COLUMNS), String.join(", ", CHANGEABLE_COLUMNS),
                    Sql.placeholders(FIXED_COLUMNS), Sql.placeholders(CHANGEABLE_COLUMNS));

    private static final String UPDATE = """
            UPDATE campaign
               SET %s,
                   version = version + 1
             WHERE id = ? AND version = ?""".formatted(
                    CHANGEABLE_COLUMNS.stream().map(column -> column + " = ?").collect(joining(", ")));

    private static final String FIND = "SELECT %s FROM campaign WHERE id = ?".formatted(COLUMNS);

    private static final String FIND_BY_NUMBER = """
            SELECT %s
              FROM campaign
             WHERE platform = ? AND workspace_id = ? AND number = ?""".formatted(COLUMNS);

    private static final String IN_STATES = """
            SELECT %s
              FROM campaign
             WHERE state IN (%%s)
             ORDER BY updated_at, id
             LIMIT ?""".formatted(COLUMNS);

    private static final String DUE_FOR_SUBMISSION = """
            SELECT %s
              FROM campaign
             WHERE state = ? AND (submit_not_before IS NULL OR submit_not_before <= ?)
             ORDER BY updated_at, id
             LIMIT ?""".formatted(COLUMNS);

    private static final String DEFER_SUBMISSION = "UPDATE campaign SET submit_not_before = ? WHERE id = ?";

    private static final String FIND_BY_OFAUTH_MESSAGE = """
            SELECT %s
              FROM campaign
             WHERE connection_id = ? AND ofauth_message_id = ?""".formatted(COLUMNS);

    private static final String IN_CHANNEL = """
            SELECT %s
              FROM campaign
             WHERE platform = ? AND workspace_id = ? AND channel_id = ? AND state IN (%%s)
             ORDER BY created_at DESC, id DESC
             LIMIT ?""".formatted(COLUMNS);

    private static final String SENT_IN_CHANNEL = """
            SELECT %s
              FROM campaign
             WHERE platform = ? AND workspace_id = ? AND channel_id = ? AND sent_at > ? AND sent_at <= ?
             ORDER BY sent_at, id""".formatted(COLUMNS);

    private static final String SENT_FOR_CONNECTION = """
            SELECT %s
              FROM campaign
             WHERE connection_id = ? AND sent_at > ? AND sent_at <= ?
             ORDER BY sent_at, id""".formatted(COLUMNS);

    private static final String SENDS_BETWEEN = """
            SELECT %s
              FROM campaign
             WHERE connection_id = ? AND send_time >= ? AND send_time < ? AND state IN (%%s)
             ORDER BY send_time, id""".formatted(COLUMNS);

    private static final String TRACKED = """
            SELECT %s
              FROM campaign
             WHERE connection_id = ? AND ofauth_message_id IS NOT NULL
               AND (state IN ('SCHEDULED', 'SENDING') OR (state = 'SENT' AND send_time >= ?))
             ORDER BY send_time, id""".formatted(COLUMNS);

    private static final Set<CampaignState> COMMITTED = EnumSet.copyOf(Arrays.stream(CampaignState.values())
            .filter(CampaignState::isCommitted)
            .toList());

    private final Sql sql;
    private final Consumer<WorkSignal.Work> written;

    JdbcCampaignStore(Sql sql, Consumer<WorkSignal.Work> written) {
        this.sql = sql;
        this.written = written;
    }

    @Override
    public Campaign insert(Campaign campaign) {
        ChannelRef channel = campaign.channel();
        // an upsert on the counter row, not MAX(number) + 1: concurrent inserts queue on the row lock
        // instead of colliding on the unique number (a failed statement would abort a PostgreSQL transaction)
        int number = sql.one(
                        "number campaign",
                        NEXT_NUMBER,
                        row -> row.intValue("last_number"),
                        channel.platform(),
                        channel.workspaceId())
                .orElseThrow();
        Object[] fixed = {
            channel.platform(),
            channel.workspaceId(),
            channel.channelId(),
            number,
            campaign.connectionId(),
            campaign.requesterId(),
            campaign.requesterName(),
            campaign.createdAt()
        };
        long id = sql.one(
                        "insert campaign",
                        INSERT,
                        row -> row.longValue("id"),
                        concat(fixed, changeableValues(campaign)))
                .orElseThrow();
        return find(id).orElseThrow();
    }

    @Override
    public Optional<Campaign> find(long id) {
        return sql.one("find campaign", FIND, JdbcCampaignStore::campaign, id);
    }

    @Override
    public Optional<Campaign> findByNumber(Platform platform, String workspaceId, int number) {
        return sql.one(
                "find campaign by number", FIND_BY_NUMBER, JdbcCampaignStore::campaign, platform, workspaceId, number);
    }

    @Override
    public Optional<Campaign> update(Campaign changed) {
        int rows = sql.update(
                "update campaign", UPDATE, concat(changeableValues(changed), changed.id(), changed.version()));
        if (rows == 0) {
            return Optional.empty();
        }
        if (changed.state() == CampaignState.APPROVED) {
            written.accept(WorkSignal.Work.SUBMISSION); // what dueForSubmission lists
        }
        return find(changed.id());
    }

    @Override
    public List<Campaign> inStates(Set<CampaignState> states, int limit) {
        if (states.isEmpty()) {
            return List.of();
        }
        return sql.list(
                "list campaigns by state",
                IN_STATES.formatted(Sql.placeholders(states)),
                JdbcCampaignStore::campaign,
                concat(states.toArray(), limit));
    }

    @Override
    public List<Campaign> dueForSubmission(Instant now, int limit) {
        return sql.list(
                "list campaigns due for submission",
                DUE_FOR_SUBMISSION,
                JdbcCampaignStore::campaign,
                CampaignState.APPROVED,
                now,
                limit);
    }

    @Override
    public void deferSubmission(long campaignId, Instant notBefore) {
        sql.update("defer submission", DEFER_SUBMISSION, notBefore, campaignId);
    }

    @Override
    public Optional<Campaign> findByOfauthMessageId(String connectionId, long messageId) {
        return sql.one(
                "find campaign by OFAuth message",
                FIND_BY_OFAUTH_MESSAGE,
                JdbcCampaignStore::campaign,
                connectionId,
                messageId);
    }

    @Override
    public List<Campaign> inChannel(ChannelRef channel, Set<CampaignState> states, int limit) {
        if (states.isEmpty()) {
            return List.of();
        }
        Object[] where = {channel.platform(), channel.workspaceId(), channel.channelId()};
        return sql.list(
                "list campaigns of channel",
                IN_CHANNEL.formatted(Sql.placeholders(states)),
                JdbcCampaignStore::campaign,
                concat(concat(where, states.toArray()), limit));
    }

    @Override
    public List<Campaign> sentInChannel(ChannelRef channel, Instant from, Instant until) {
        return sql.list(
                "list campaigns sent in channel",
                SENT_IN_CHANNEL,
                JdbcCampaignStore::campaign,
                channel.platform(),
                channel.workspaceId(),
                channel.channelId(),
                from,
                until);
    }

    @Override
    public List<Campaign> sentForConnection(String connectionId, Instant from, Instant until) {
        return sql.list(
                "list campaigns sent for connection",
                SENT_FOR_CONNECTION,
                JdbcCampaignStore::campaign,
                connectionId,
                from,
                until);
    }

    @Override
    public List<Campaign> committedSends(String connectionId, Instant from, Instant to) {
        return sendsBetween(connectionId, COMMITTED, from, to);
    }

    @Override
    public List<Campaign> sendsBetween(String connectionId, Set<CampaignState> states, Instant from, Instant to) {
        Object[] where = {connectionId, from, to};
        return sql.list(
                "list sends",
                SENDS_BETWEEN.formatted(Sql.placeholders(states)),
                JdbcCampaignStore::campaign,
                concat(where, states.toArray()));
    }

    @Override
    public List<Campaign> tracked(String connectionId, Instant sentSince) {
        return sql.list("list tracked campaigns", TRACKED, JdbcCampaignStore::campaign, connectionId, sentSince);
    }

    private static Object[] changeableValues(Campaign campaign) {
        MessageContent content = campaign.content();
        Audience audience = campaign.audience();
        return new Object[] {
            content.text(),
            content.markdown(),
            content.lockedText(),
            encodeMedia(content.media()),
            content.previewCount(),
            content.price().toString(), // toString keeps the scale, unlike toPlainString
            JsonStrings.encode(audience.userIds()),
            JsonStrings.encode(audience.lists()),
            JsonStrings.encode(audience.excludedLists()),
            audience.subscribedAfter(),
            campaign.scheduledAt(),
            campaign.state(),
            campaign.fingerprint(),
            campaign.updatedAt(),
            campaign.ofauthMessageId(),
            campaign.requestStartedAt(),
            campaign.sentAt(),
            campaign.unsendableUntil(),
            campaign.note(),
            campaign.sendTime()
        };
    }

    private static Campaign campaign(Row row) throws SQLException {
        MessageContent content = new MessageContent(
                row.string("text"),
                row.bool("markdown"),
                row.bool("locked_text"),
                decodeMedia(row.strings("media")),
                row.intValue("preview_count"),
                new BigDecimal(row.string("price")));
        Audience audience = new Audience(
                row.strings("user_ids"),
                row.strings("lists"),
                row.strings("excluded_lists"),
                row.optionalInstant("subscribed_after"));
        return new Campaign(
                row.longValue("id"),
                row.intValue("number"),
                row.channel(),
                row.string("connection_id"),
                row.string("requester_id"),
                row.string("requester_name"),
                content,
                audience,
                row.optionalInstant("scheduled_at"),
                row.enumValue("state", CampaignState.class),
                row.string("fingerprint"),
                row.longValue("version"),
                row.instant("created_at"),
                row.instant("updated_at"),
                row.optionalLong("ofauth_message_id"),
                row.optionalInstant("request_started_at"),
                row.optionalInstant("sent_at"),
                row.optionalInstant("unsendable_until"),
                row.optionalString("note"));
    }

    /** Media as {@code KIND:value} strings; the kind never holds a colon, the value may. */
    private static String encodeMedia(List<MediaItem> media) {
        return JsonStrings.encode(media.stream()
                .map(item -> item.kind().name() + ":" + item.value())
                .toList());
    }

    private static List<MediaItem> decodeMedia(List<String> encoded) {
        return encoded.stream()
                .map(item -> {
                    int colon = item.indexOf(':');
                    return new MediaItem(MediaItem.Kind.valueOf(item.substring(0, colon)), item.substring(colon + 1));
                })
                .toList();
    }

    private static Object[] concat(Object[] head, Object... tail) {
        return Stream.concat(Arrays.stream(head), Arrays.stream(tail)).toArray();
    }
}
