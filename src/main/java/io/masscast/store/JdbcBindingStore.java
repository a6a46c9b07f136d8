package io.masscast.store;

import io.masscast.core.model.Binding;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.QuietHours;
import io.masscast.core.port.BindingStore;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Channel bindings; the channel (platform, workspace, channel) is the key. */
final class JdbcBindingStore implements BindingStore {

    private static final String COLUMNS = """
            platform, workspace_id, channel_id, connection_id, creator_name, zone_id, approvers,
            required_approvals, self_approval_allowed, daily_cap, min_gap, quiet_start, quiet_end, digest_at, repeat_window,
            remind_after""";

    private static final String FIND = """
            SELECT %s
              FROM binding
             WHERE platform = ? AND workspace_id = ? AND channel_id = ?""".formatted(COLUMNS);

    private static final String ALL = """
            SELECT %s
              FROM binding
             ORDER BY platform, workspace_id, channel_id""".formatted(COLUMNS);

    private static final String SAVE = """
            INSERT INTO binding (%s)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (platform, workspace_id, channel_id) DO UPDATE SET
                connection_id = excluded.connection_id,
                creator_name = excluded.creator_name,
                zone_id = excluded.zone_id,
                approvers = excluded.approvers,
                required_approvals = excluded.required_approvals,
                self_approval_allowed = excluded.self_approval_allowed,
                daily_cap = excluded.daily_cap,
                min_gap = excluded.min_gap,
                quiet_start = excluded.quiet_start,
                quiet_end = excluded.quiet_end,
                digest_at = excluded.digest_at,
                repeat_window = excluded.repeat_window,
                remind_after = excluded.remind_after""".formatted(COLUMNS);

    private final Sql sql;

    JdbcBindingStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Binding> find(ChannelRef channel) {
        return sql.one(
                "find binding",
                FIND,
                JdbcBindingStore::binding,
                channel.platform(),
                channel.workspaceId(),
                channel.channelId());
    }

    @Override
    public void save(Binding binding) {
        ChannelRef channel = binding.channel();
        BindingPolicy policy = binding.policy();
        Optional<QuietHours> quietHours = policy.quietHours();
        sql.update(
                "save binding",
                SAVE,
                channel.platform(),
                channel.workspaceId(),
                channel.channelId(),
                binding.connectionId(),
                binding.creatorName(),
                binding.zone().getId(),
                JsonStrings.encode(List.copyOf(new TreeSet<>(binding.approvers()))), // sorted: stable text
                policy.requiredApprovals(),
                policy.selfApprovalAllowed(),
                policy.dailyCap(),
                policy.minGap().toString(),
                quietHours.map(hours -> hours.start().toString()),
                quietHours.map(hours -> hours.end().toString()),
                policy.digestAt().map(LocalTime::toString),
                policy.repeatWindow().map(Duration::toString),
                policy.remindAfter().map(Duration::toString));
    }

    @Override
    public List<Binding> all() {
        return sql.list("list bindings", ALL, JdbcBindingStore::binding);
    }

    private static Binding binding(Row row) throws SQLException {
        Optional<String> quietStart = row.optionalString("quiet_start");
        Optional<String> quietEnd = row.optionalString("quiet_end");
        Optional<QuietHours> quietHours = quietStart.isPresent() && quietEnd.isPresent()
                ? Optional.of(new QuietHours(LocalTime.parse(quietStart.get()), LocalTime.parse(quietEnd.get())))
                : Optional.empty();
        BindingPolicy policy = new BindingPolicy(
                row.intValue("required_approvals"),
                row.bool("self_approval_allowed"),
                row.optionalInt("daily_cap"),
                Duration.parse(row.string("min_gap")),
                quietHours,
                row.optionalString("digest_at").map(LocalTime::parse),
                row.optionalString("repeat_window").map(Duration::parse),
                row.optionalString("remind_after").map(Duration::parse));
        return new Binding(
                row.channel(),
                row.string("connection_id"),
                row.string("creator_name"),
                ZoneId.of(row.string("zone_id")),
                Set.copyOf(row.strings("approvers")),
                policy);
    }
}
