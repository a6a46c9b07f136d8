package io.masscast.testing;

import io.masscast.core.model.AbPart;
import io.masscast.core.model.AbTest;
import io.masscast.core.model.Approval;
import io.masscast.core.model.Attachment;
import io.masscast.core.model.AuditEvent;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ChatImage;
import io.masscast.core.model.ConnectionHealth;
import io.masscast.core.model.ConnectionState;
import io.masscast.core.model.Fan;
import io.masscast.core.model.Lease;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.Platform;
import io.masscast.core.model.StatsSnapshot;
import io.masscast.core.port.AbTestStore;
import io.masscast.core.port.ApprovalStore;
import io.masscast.core.port.AttachmentStore;
import io.masscast.core.port.AuditStore;
import io.masscast.core.port.BindingStore;
import io.masscast.core.port.CampaignStore;
import io.masscast.core.port.CardRefStore;
import io.masscast.core.port.ConnectionStore;
import io.masscast.core.port.DigestStore;
import io.masscast.core.port.LeaseStore;
import io.masscast.core.port.OutboxStore;
import io.masscast.core.port.ReminderStore;
import io.masscast.core.port.StatsStore;
import io.masscast.core.port.Stores;
import io.masscast.core.port.Transactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every store in memory, for core and job tests. Transactions run one at a time and roll back by
 * restoring a copy of the state taken when they began.
 */
public final class InMemoryStores implements Transactor {

    private static final class State {
        final Map<ChannelRef, Binding> bindings = new LinkedHashMap<>();
        final Map<Long, Campaign> campaigns = new LinkedHashMap<>();
        final List<Approval> approvals = new ArrayList<>();
        final List<AuditEvent> audit = new ArrayList<>();
        final Map<Long, OutboxEntry> outbox = new LinkedHashMap<>();
        final Map<Long, String> cards = new HashMap<>();
        final Map<String, Lease> leases = new HashMap<>();
        final Map<Long, Instant> submitNotBefore = new HashMap<>();
        final Map<Long, CampaignStats> stats = new HashMap<>();
        final List<StatsSnapshot> snapshots = new ArrayList<>();
        final Map<Long, Map<String, Buyer>> buyers = new HashMap<>();
        final Map<String, ConnectionState> connections = new HashMap<>();
        final Set<String> events = new HashSet<>();
        final Map<Long, ChatImage> images = new HashMap<>();
        final Map<Long, String> permalinks = new HashMap<>();
        final Map<ChannelRef, Map<String, DigestStore.Outcome>> digestClaims = new HashMap<>();
        final Map<Long, AbTest> tests = new LinkedHashMap<>();
        final Map<Long, AbPart> testParts = new LinkedHashMap<>();
        final Set<String> reminderClaims = new HashSet<>();
        final Map<Long, List<Attachment>> attachments = new HashMap<>();
        long nextId = 1;

        State copy() {
            State copy = new State();
            copy.bindings.putAll(bindings);
            copy.campaigns.putAll(campaigns);
            copy.approvals.addAll(approvals);
            copy.audit.addAll(audit);
            copy.outbox.putAll(outbox);
            copy.cards.putAll(cards);
            copy.leases.putAll(leases);
            copy.submitNotBefore.putAll(submitNotBefore);
            copy.stats.putAll(stats);
            copy.snapshots.addAll(snapshots);
            buyers.forEach((campaign, seen) -> copy.buyers.put(campaign, new LinkedHashMap<>(seen)));
            copy.connections.putAll(connections);
            copy.events.addAll(events);
            copy.images.putAll(images);
            copy.permalinks.putAll(permalinks);
            digestClaims.forEach((channel, claims) -> copy.digestClaims.put(channel, new HashMap<>(claims)));
            copy.tests.putAll(tests);
            copy.testParts.putAll(testParts);
            copy.reminderClaims.addAll(reminderClaims);
            attachments.forEach((campaign, list) -> copy.attachments.put(campaign, new ArrayList<>(list)));
            copy.nextId = nextId;
            return copy;
        }
    }

    /** A buyer as stored, with when the thread was told about them. */
    private record Buyer(Fan fan, Optional<Instant> announcedAt) {}

    private State state = new State();
    private final Stores stores = new MemoryStores();

    @Override
    public synchronized <T> T inTransaction(Function<Stores, T> work) {
        State before = state.copy();
        try {
            return work.apply(stores);
        } catch (RuntimeException | Error e) {
            state = before;
            throw e;
        }
    }

    /** Every audit event, oldest first (for assertions). */
    public synchronized List<AuditEvent> auditLog() {
        return List.copyOf(state.audit);
    }

    /** Every outbox entry not yet delivered (for assertions). */
    public synchronized List<OutboxEntry> pendingOutbox() {
        return List.copyOf(state.outbox.values());
    }

    private final class MemoryStores implements Stores {
        @Override
        public BindingStore bindings() {
            return new BindingStore() {
                @Override
                public Optional<Binding> find(ChannelRef channel) {
                    return Optional.ofNullable(state.bindings.get(channel));
                }

                @Override
                public void save(Binding binding) {
                    state.bindings.put(binding.channel(), binding);
                }

                @Override
                public List<Binding> all() {
                    return List.copyOf(state.bindings.values());
                }
            };
        }

        @Override
        public CampaignStore campaigns() {
            return new CampaignStore() {
                @Override
                public Campaign insert(Campaign c) {
                    long id = state.nextId++;
                    int number = 1
                            + (int) state.campaigns.values().stream()
                                    .filter(o -> o.channel().platform()
                                                    == c.channel().platform()
                                            && o.channel()
                                                    .workspaceId()
                                                    .equals(c.channel().workspaceId()))
                                    .count();
                    Campaign stored = new Campaign(
                            id,
                            number,
                            c.channel(),
                            c.connectionId(),
                            c.requesterId(),
                            c.requesterName(),
                            c.content(),
                            c.audience(),
                            c.scheduledAt(),
                            c.state(),
                            c.fingerprint(),
                            1,
                            c.createdAt(),
                            c.updatedAt(),
                            c.ofauthMessageId(),
                            c.requestStartedAt(),
                            c.sentAt(),
                            c.unsendableUntil(),
                            c.note());
                    state.campaigns.put(id, stored);
                    return stored;
                }

                @Override
                public Optional<Campaign> find(long id) {
                    return Optional.ofNullable(state.campaigns.get(id));
                }

                @Override
                public Optional<Campaign> findByNumber(Platform platform, String workspaceId, int number) {
                    return state.campaigns.values().stream()
                            .filter(c -> c.channel().platform() == platform
                                    && c.channel().workspaceId().equals(workspaceId)
                                    && c.number() == number)
                            .findFirst();
                }

                @Override
                public Optional<Campaign> update(Campaign changed) {
                    Campaign current = state.campaigns.get(changed.id());
                    if (current == null || current.version() != changed.version()) {
                        return Optional.empty();
                    }
                    changed.ofauthMessageId().ifPresent(messageId -> {
                        if (state.campaigns.values().stream()
                                .anyMatch(other -> other.id() != changed.id()
                                        && other.connectionId().equals(changed.connectionId())
                                        && other.ofauthMessageId().equals(changed.ofauthMessageId()))) {
                            // as the database's unique index on (connection_id, ofauth_message_id) would
                            throw new IllegalStateException("OFAuth message " + messageId + " already has a campaign");
                        }
                    });
                    Campaign stored = new Campaign(
                            changed.id(),
                            changed.number(),
                            changed.channel(),
                            changed.connectionId(),
                            changed.requesterId(),
                            changed.requesterName(),
                            changed.content(),
                            changed.audience(),
                            changed.scheduledAt(),
                            changed.state(),
                            changed.fingerprint(),
                            changed.version() + 1,
                            changed.createdAt(),
                            changed.updatedAt(),
                            changed.ofauthMessageId(),
                            changed.requestStartedAt(),
                            changed.sentAt(),
                            changed.unsendableUntil(),
                            changed.note());
                    state.campaigns.put(stored.id(), stored);
                    return Optional.of(stored);
                }

                @Override
                public List<Campaign> dueForSubmission(Instant now, int limit) {
                    return inStates(Set.of(CampaignState.APPROVED), Integer.MAX_VALUE).stream()
                            .filter(c -> !state.submitNotBefore
                                    .getOrDefault(c.id(), Instant.MIN)
                                    .isAfter(now))
                            .limit(limit)
                            .toList();
                }

                @Override
                public void deferSubmission(long campaignId, Instant notBefore) {
                    state.submitNotBefore.put(campaignId, notBefore);
                }

                @Override
                public Optional<Campaign> findByOfauthMessageId(String connectionId, long messageId) {
                    return state.campaigns.values().stream()
                            .filter(c -> c.connectionId().equals(connectionId)
                                    && c.ofauthMessageId().equals(Optional.of(messageId)))
                            .findFirst();
                }

                @Override
                public List<Campaign> inStates(Set<CampaignState> states, int limit) {
                    return state.campaigns.values().stream()
                            .filter(c -> states.contains(c.state()))
                            .sorted(Comparator.comparing(Campaign::updatedAt))
                            .limit(limit)
                            .toList();
                }

                @Override
                public List<Campaign> inChannel(ChannelRef channel, Set<CampaignState> states, int limit) {
                    return state.campaigns.values().stream()
                            .filter(c -> c.channel().equals(channel) && states.contains(c.state()))
                            .sorted(Comparator.comparing(Campaign::id).reversed())
                            .limit(limit)
                            .toList();
                }

                @Override
                public List<Campaign> sentInChannel(ChannelRef channel, Instant from, Instant until) {
                    return state.campaigns.values().stream()
                            .filter(c ->
                                    c.channel().equals(channel) && c.sentAt().isPresent())
                            .filter(c -> c.sentAt().get().isAfter(from)
                                    && !c.sentAt().get().isAfter(until))
                            .sorted(Comparator.comparing(
                                            (Campaign c) -> c.sentAt().get())
                                    .thenComparing(Campaign::id))
                            .toList();
                }

                @Override
                public List<Campaign> sentForConnection(String connectionId, Instant from, Instant until) {
                    return state.campaigns.values().stream()
                            .filter(c -> c.connectionId().equals(connectionId)
                                    && c.sentAt().isPresent())
                            .filter(c -> c.sentAt().get().isAfter(from)
                                    && !c.sentAt().get().isAfter(until))
                            .sorted(Comparator.comparing(
                                            (Campaign c) -> c.sentAt().get())
                                    .thenComparing(Campaign::id))
                            .toList();
                }

                @Override
                public List<Campaign> committedSends(String connectionId, Instant from, Instant to) {
                    return state.campaigns.values().stream()
                            .filter(c -> c.connectionId().equals(connectionId)
                                    && c.state().isCommitted())
                            .filter(c ->
                                    !c.sendTime().isBefore(from) && c.sendTime().isBefore(to))
                            .sorted(Comparator.comparing(Campaign::sendTime).thenComparingLong(Campaign::id))
                            .toList();
                }

                @Override
                public List<Campaign> sendsBetween(
                        String connectionId, Set<CampaignState> states, Instant from, Instant to) {
                    return state.campaigns.values().stream()
                            .filter(c -> c.connectionId().equals(connectionId) && states.contains(c.state()))
                            .filter(c ->
                                    !c.sendTime().isBefore(from) && c.sendTime().isBefore(to))
                            .sorted(Comparator.comparing(Campaign::sendTime).thenComparingLong(Campaign::id))
                            .toList();
                }

                @Override
                public List<Campaign> tracked(String connectionId, Instant sentSince) {
                    return state.campaigns.values().stream()
                            .filter(c -> c.connectionId().equals(connectionId)
                                    && c.ofauthMessageId().isPresent())
                            .filter(c -> c.state() == CampaignState.SCHEDULED
                                    || c.state() == CampaignState.SENDING
                                    || (c.state() == CampaignState.SENT
                                            && !c.sendTime().isBefore(sentSince)))
                            .sorted(Comparator.comparing(Campaign::sendTime).thenComparing(Campaign::id))
                            .toList();
                }
            };
        }

        @Override
        public ApprovalStore approvals() {
            return new ApprovalStore() {
                @Override
                public boolean add(Approval approval) {
                    boolean exists = state.approvals.stream()
                            .anyMatch(a -> a.campaignId() == approval.campaignId()
                                    && a.approverId().equals(approval.approverId())
                                    && a.fingerprint().equals(approval.fingerprint()));
                    if (!exists) {
                        state.approvals.add(approval);
                    }
                    return !exists;
                }

                @Override
                public List<Approval> forCampaign(long campaignId, String fingerprint) {
                    return state.approvals.stream()
                            .filter(a -> a.campaignId() == campaignId
                                    && a.fingerprint().equals(fingerprint))
                            .toList();
                }

                @Override
                public void clear(long campaignId) {
                    state.approvals.removeIf(a -> a.campaignId() == campaignId);
                }
            };
        }

        @Override
        public AuditStore audit() {
            return new AuditStore() {
                @Override
                public void append(AuditEvent event) {
                    state.audit.add(event);
                }

                @Override
                public List<AuditEvent> forCampaign(long campaignId) {
                    return state.audit.stream()
                            .filter(e -> e.campaignId() == campaignId)
                            .toList();
                }
            };
        }

        @Override
        public OutboxStore outbox() {
            return new OutboxStore() {
                @Override
                public void enqueue(OutboxEntry e) {
                    long id = state.nextId++;
                    state.outbox.put(
                            id,
                            new OutboxEntry(
                                    id,
                                    e.campaignId(),
                                    e.channel(),
                                    e.kind(),
                                    e.text(),
                                    0,
                                    e.dueAt(),
                                    Optional.empty()));
                }

                @Override
                public void enqueue(OutboxEntry e, ChatImage image) {
                    if (e.kind() != OutboxEntry.Kind.CHANNEL_IMAGE) {
                        throw new IllegalArgumentException("only an image entry has an image");
                    }
                    enqueue(e);
                    state.images.put(state.nextId - 1, image);
                }

                @Override
                public Optional<ChatImage> image(long entryId) {
                    return Optional.ofNullable(state.images.get(entryId));
                }

                @Override
                public List<OutboxEntry> pending(Platform platform, int limit) {
                    return state.outbox.values().stream()
                            .filter(e -> e.channel().platform() == platform)
                            .limit(limit)
                            .toList();
                }

                @Override
                public boolean hasPending() {
                    return !state.outbox.isEmpty();
                }

                @Override
                public void delivered(long entryId) {
                    state.outbox.remove(entryId);
                    state.images.remove(entryId);
                }

                @Override
                public boolean markAttempt(long entryId, Instant at) {
                    OutboxEntry e = state.outbox.get(entryId);
                    if (e == null || e.attemptStartedAt().isPresent()) {
                        return false;
                    }
                    state.outbox.put(
                            entryId,
                            new OutboxEntry(
                                    e.id(),
                                    e.campaignId(),
                                    e.channel(),
                                    e.kind(),
                                    e.text(),
                                    e.attempts(),
                                    e.dueAt(),
                                    Optional.of(at)));
                    return true;
                }

                @Override
                public void retryLater(long entryId, Instant dueAt, String error) {
                    OutboxEntry e = state.outbox.get(entryId);
                    state.outbox.put(
                            entryId,
                            new OutboxEntry(
                                    e.id(),
                                    e.campaignId(),
                                    e.channel(),
                                    e.kind(),
                                    e.text(),
                                    e.attempts() + 1,
                                    dueAt,
                                    Optional.empty()));
                }
            };
        }

        @Override
        public CardRefStore cards() {
            return new CardRefStore() {
                @Override
                public Optional<String> find(long campaignId) {
                    return Optional.ofNullable(state.cards.get(campaignId));
                }

                @Override
                public void save(long campaignId, String messageId) {
                    if (!messageId.equals(state.cards.put(campaignId, messageId))) {
                        state.permalinks.remove(campaignId);
                    }
                }

                @Override
                public void savePermalink(long campaignId, String permalink) {
                    if (state.cards.containsKey(campaignId)) {
                        state.permalinks.put(campaignId, permalink);
                    }
                }

                @Override
                public Optional<String> permalink(long campaignId) {
                    return Optional.ofNullable(state.permalinks.get(campaignId));
                }
            };
        }

        @Override
        public StatsStore stats() {
            return new StatsStore() {
                @Override
                public Optional<CampaignStats> find(long campaignId) {
                    return Optional.ofNullable(state.stats.get(campaignId));
                }

                @Override
                public void save(CampaignStats stats) {
                    Optional<Long> recipients = find(stats.campaignId()).flatMap(CampaignStats::recipients);
                    state.stats.put(
                            stats.campaignId(),
                            new CampaignStats(
                                    stats.campaignId(),
                                    recipients,
                                    stats.figures(),
                                    stats.asOf(),
                                    stats.sentChangedAt(),
                                    stats.unsendOpen(),
                                    stats.missingSince(),
                                    stats.buyersRead(),
                                    stats.buyerMarker(),
                                    stats.lastBuyerNoteAt()));
                }

                @Override
                public void recordRecipients(long campaignId, long recipients) {
                    CampaignStats s = find(campaignId).orElse(CampaignStats.none(campaignId));
                    state.stats.put(
                            campaignId,
                            new CampaignStats(
                                    campaignId,
                                    Optional.of(recipients),
                                    s.figures(),
                                    s.asOf(),
                                    s.sentChangedAt(),
                                    s.unsendOpen(),
                                    s.missingSince(),
                                    s.buyersRead(),
                                    s.buyerMarker(),
                                    s.lastBuyerNoteAt()));
                }

                @Override
                public void addSnapshot(StatsSnapshot snapshot) {
                    state.snapshots.add(snapshot);
                }

                @Override
                public List<StatsSnapshot> snapshots(long campaignId) {
                    return state.snapshots.stream()
                            .filter(s -> s.campaignId() == campaignId)
                            .toList();
                }

                @Override
                public List<StatsSnapshot> channelSnapshots(ChannelRef channel, Instant changedAfter, Instant until) {
                    Set<Long> changed = new HashSet<>();
                    state.snapshots.stream()
                            .filter(s -> s.at().isAfter(changedAfter))
                            .forEach(s -> changed.add(s.campaignId()));
                    return state.snapshots.stream()
                            .filter(s -> changed.contains(s.campaignId()) && !s.at().isAfter(until))
                            .filter(s -> state.campaigns
                                    .get(s.campaignId())
                                    .channel()
                                    .equals(channel))
                            .sorted(Comparator.comparingLong(StatsSnapshot::campaignId)
                                    .thenComparing(StatsSnapshot::at))
                            .toList();
                }

                @Override
                public int addBuyers(long campaignId, List<Fan> fans, Instant seenAt) {
                    Map<String, Buyer> seen = state.buyers.computeIfAbsent(campaignId, id -> new LinkedHashMap<>());
                    int added = 0;
                    for (Fan fan : fans) {
                        if (seen.putIfAbsent(fan.id(), new Buyer(fan, Optional.empty())) == null) {
                            added++;
                        }
                    }
                    return added;
                }

                @Override
                public long buyerCount(long campaignId) {
                    return state.buyers.getOrDefault(campaignId, Map.of()).size();
                }

                @Override
                public List<Fan> unannouncedBuyers(long campaignId) {
                    return state.buyers.getOrDefault(campaignId, Map.of()).values().stream()
                            .filter(b -> b.announcedAt().isEmpty())
                            .map(Buyer::fan)
                            .toList();
                }

                @Override
                public int markAnnounced(long campaignId, Instant at) {
                    Map<String, Buyer> seen = state.buyers.getOrDefault(campaignId, new LinkedHashMap<>());
                    int marked = 0;
                    for (Map.Entry<String, Buyer> entry : seen.entrySet()) {
                        if (entry.getValue().announcedAt().isEmpty()) {
                            entry.setValue(new Buyer(entry.getValue().fan(), Optional.of(at)));
                            marked++;
                        }
                    }
                    return marked;
                }

                @Override
                public List<Long> withUnannouncedBuyers(String connectionId) {
                    return state.buyers.keySet().stream()
                            .sorted()
                            .filter(id -> state.campaigns.get(id).connectionId().equals(connectionId))
                            .filter(id -> !unannouncedBuyers(id).isEmpty())
                            .toList();
                }
            };
        }

        @Override
        public ConnectionStore connections() {
            return new ConnectionStore() {
                @Override
                public Optional<ConnectionState> find(String connectionId) {
                    return Optional.ofNullable(state.connections.get(connectionId));
                }

                @Override
                public List<ConnectionState> unhealthy() {
                    return state.connections.values().stream()
                            .filter(c -> c.health() != ConnectionHealth.ACTIVE)
                            .sorted(Comparator.comparing(ConnectionState::connectionId))
                            .toList();
                }

                @Override
                public void schedulePoll(String connectionId, Instant nextPollAt, int failures, Instant now) {
                    ConnectionState c = ensure(connectionId, now);
                    put(new ConnectionState(
                            connectionId,
                            c.health(),
                            c.healthSince(),
                            c.healthReason(),
                            c.nextProbeAt(),
                            Optional.of(nextPollAt),
                            failures));
                }

                @Override
                public boolean changeHealth(
                        String connectionId,
                        List<ConnectionHealth> from,
                        ConnectionHealth to,
                        String reason,
                        Instant now) {
                    ConnectionState c = ensure(connectionId, now);
                    if (!from.contains(c.health())) {
                        return false;
                    }
                    put(new ConnectionState(
                            connectionId, to, now, reason, c.nextProbeAt(), c.nextPollAt(), c.pollFailures()));
                    return true;
                }

                @Override
                public void scheduleProbe(String connectionId, Instant at, Instant now) {
                    ConnectionState c = ensure(connectionId, now);
                    put(new ConnectionState(
                            connectionId,
                            c.health(),
                            c.healthSince(),
                            c.healthReason(),
                            Optional.of(at),
                            c.nextPollAt(),
                            c.pollFailures()));
                }

                @Override
                public boolean recordEvent(String eventId, String type, Instant receivedAt) {
                    return state.events.add(eventId);
                }

                private ConnectionState ensure(String connectionId, Instant now) {
                    return state.connections.computeIfAbsent(connectionId, id -> ConnectionState.fresh(id, now));
                }

                private void put(ConnectionState c) {
                    state.connections.put(c.connectionId(), c);
                }
            };
        }

        @Override
        public DigestStore digests() {
            return new DigestStore() {
                @Override
                public boolean claim(ChannelRef channel, String period, Outcome outcome, Instant at, String by) {
                    return state.digestClaims
                                    .computeIfAbsent(channel, c -> new HashMap<>())
                                    .putIfAbsent(period, outcome)
                            == null;
                }

                @Override
                public boolean isClaimed(ChannelRef channel, String period) {
                    return state.digestClaims.getOrDefault(channel, Map.of()).containsKey(period);
                }

                @Override
                public boolean anyClaimed(ChannelRef channel) {
                    return !state.digestClaims.getOrDefault(channel, Map.of()).isEmpty();
                }
            };
        }

        @Override
        public AbTestStore tests() {
            return new AbTestStore() {
                @Override
                public AbTest insert(AbTest test) {
                    AbTest stored = new AbTest(
                            state.nextId++,
                            test.split(),
                            test.seed(),
                            test.poolSize(),
                            test.maxUserIds(),
                            test.createdAt(),
                            1);
                    state.tests.put(stored.id(), stored);
                    return stored;
                }

                @Override
                public void addPart(AbPart part) {
                    if (state.testParts.putIfAbsent(part.campaignId(), part) != null) {
                        throw new IllegalStateException("campaign " + part.campaignId() + " is already part of a test");
                    }
                }

                @Override
                public Optional<AbTest> find(long testId) {
                    return Optional.ofNullable(state.tests.get(testId));
                }

                @Override
                public Optional<AbPart> partOf(long campaignId) {
                    return Optional.ofNullable(state.testParts.get(campaignId));
                }

                @Override
                public List<AbPart> parts(long testId) {
                    return state.testParts.values().stream()
                            .filter(p -> p.testId() == testId)
                            .sorted(Comparator.comparing(AbPart::variant).thenComparingInt(AbPart::part))
                            .toList();
                }

                @Override
                public boolean advance(long testId, long version) {
                    AbTest test = state.tests.get(testId);
                    if (test == null || test.version() != version) {
                        return false;
                    }
                    state.tests.put(
                            testId,
                            new AbTest(
                                    test.id(),
                                    test.split(),
                                    test.seed(),
                                    test.poolSize(),
                                    test.maxUserIds(),
                                    test.createdAt(),
                                    version + 1));
                    return true;
                }
            };
        }

        @Override
        public ReminderStore reminders() {
            return (campaignId, window, at, by) -> state.reminderClaims.add(campaignId + "/" + window);
        }

        @Override
        public AttachmentStore attachments() {
            return new AttachmentStore() {
                @Override
                public void add(long campaignId, List<Attachment> added, Instant at) {
                    state.attachments
                            .computeIfAbsent(campaignId, id -> new ArrayList<>())
                            .addAll(added);
                }

                @Override
                public List<Attachment> forCampaign(long campaignId) {
                    return List.copyOf(state.attachments.getOrDefault(campaignId, List.of()));
                }

                @Override
                public void markReferencesSpent(long campaignId, Instant at) {
                    state.attachments.computeIfPresent(
                            campaignId,
                            (id, list) -> new ArrayList<>(list.stream()
                                    .map(a -> a.referenceSpentAt().isPresent()
                                            ? a
                                            : new Attachment(
                                                    a.uploadRef(),
                                                    a.vaultMediaId(),
                                                    a.fileName(),
                                                    a.contentType(),
                                                    a.size(),
                                                    Optional.of(at)))
                                    .toList()));
                }
            };
        }

        @Override
        public LeaseStore leases() {
            return new LeaseStore() {
                @Override
                public boolean acquire(String name, String owner, Instant now, Duration ttl) {
                    Lease current = state.leases.get(name);
                    if (current != null
                            && !current.owner().equals(owner)
                            && current.expiresAt().isAfter(now)) {
                        return false;
                    }
                    state.leases.put(name, new Lease(name, owner, now.plus(ttl)));
                    return true;
                }

                @Override
                public boolean renew(String name, String owner, Instant now, Duration ttl) {
                    Lease current = state.leases.get(name);
                    if (current == null || !current.owner().equals(owner)) {
                        return false;
                    }
                    state.leases.put(name, new Lease(name, owner, now.plus(ttl)));
                    return true;
                }

                @Override
                public void release(String name, String owner) {
                    Lease current = state.leases.get(name);
                    if (current != null && current.owner().equals(owner)) {
                        state.leases.remove(name);
                    }
                }

                @Override
                public Optional<Lease> find(String name) {
                    return Optional.ofNullable(state.leases.get(name));
                }
            };
        }
    }
}
