package io.masscast.core.health;

import io.masscast.core.model.Binding;
import io.masscast.core.model.ConnectionEvent;
import io.masscast.core.model.ConnectionHealth;
import io.masscast.core.model.ConnectionState;
import io.masscast.core.model.CreatorProfile;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthGateway;
import io.masscast.core.port.Stores;
import io.masscast.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether each creator's OFAuth connection works. Every bound connection is probed with {@code access/self}
 * on a slow schedule, and soon after any OFAuth call answers that its session expired; OFAuth's
 * {@code connection.expired} webhook acts at once. An expired connection is announced once in each channel
 * bound to it (what happened and how to reconnect); while it is expired, approvals are refused, approved sends
 * wait and results are not polled. When a probe succeeds again, that is announced once too and work resumes.
 */
public final class ConnectionHealthService {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHealthService.class);
    /** A probe that could not run (rate limit, OFAuth unreachable) is tried again this soon. */
    static final Duration RETRY_PROBE = Duration.ofSeconds(30);

    private static final List<ConnectionHealth> NOT_EXPIRED =
            List.of(ConnectionHealth.ACTIVE, ConnectionHealth.SUSPECT);

    private final Transactor transactor;
    private final OfAuthGateway ofauth;
    private final Clock clock;
    private final Duration probeInterval;

    /** What became of a webhook event. */
    public enum EventOutcome {
        APPLIED,
        DUPLICATE,
        IGNORED
    }

    public ConnectionHealthService(Transactor transactor, OfAuthGateway ofauth, Clock clock, Duration probeInterval) {
        this.transactor = transactor;
        this.ofauth = ofauth;
        this.clock = clock;
        this.probeInterval = probeInterval;
    }

    /** Connections masscast must not send for or poll now (expired, or suspected and being probed). */
    public Set<String> held() {
        return transactor.inTransaction(stores -> stores.connections().unhealthy().stream()
                .map(ConnectionState::connectionId)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * An OFAuth call for the connection answered that the session expired: hold its work and probe it at
     * the next chance. Quick, and safe to call from any thread that is not in a transaction.
     */
    public void sessionExpiredSeen(String connectionId) {
        Instant now = clock.instant();
        transactor.inTransaction(stores -> {
            if (stores.connections()
                    .changeHealth(
                            connectionId,
                            List.of(ConnectionHealth.ACTIVE),
                            ConnectionHealth.SUSPECT,
                            "an OFAuth call answered that the session expired",
                            now)) {
                stores.connections().scheduleProbe(connectionId, now, now);
            }
            return null;
        });
    }

    /** Probes every bound connection whose probe is due (one never probed is due at once). */
    public void probeDue() {
        Instant now = clock.instant();
        List<String> due = transactor.inTransaction(stores -> stores.bindings().all().stream()
                .map(Binding::connectionId)
                .distinct()
                .sorted()
                .filter(id -> stores.connections()
                        .find(id)
                        .flatMap(ConnectionState::nextProbeAt)
                        .filter(now::isBefore)
                        .isEmpty())
                .toList());
        due.forEach(this::probe);
    }

    /** Asks OFAuth whether the connection's session works, and records the answer. */
    public void probe(String connectionId) {
        Duration next = probeInterval;
        try {
            CreatorProfile self = ofauth.self(connectionId, CallPriority.BACKGROUND);
            if (self.authenticated()) {
                healthy(connectionId);
            } else {
                expired(connectionId, "OFAuth reports the OnlyFans session is not authenticated");
            }
        } catch (OfAuthFailure.Unauthenticated failure) {
            if (failure.sessionExpired()) {
                expired(connectionId, "OFAuth answers that the OnlyFans session has expired");
            } else {
                LOG.error("Probe of {}: OFAuth does not accept the API key; check OFAUTH_API_KEY", connectionId);
            }
        } catch (OfAuthFailure failure) {
            next = failure instanceof OfAuthFailure.RateLimited limited
                            && limited.retryAfter().compareTo(RETRY_PROBE) > 0
                    ? limited.retryAfter()
                    : RETRY_PROBE;
            LOG.warn(
                    "Probe of {} did not run ({}); trying again in {} s",
                    connectionId,
                    failure.getClass().getSimpleName(),
                    next.toSeconds());
        }
        Instant now = clock.instant();
        Instant at = now.plus(next);
        transactor.inTransaction(stores -> {
            stores.connections().scheduleProbe(connectionId, at, now);
            return null;
        });
    }

    /**
     * Applies a verified OFAuth system event, once: a redelivered event id changes nothing. The event and
     * its effect are stored in one transaction.
     */
    public EventOutcome onEvent(ConnectionEvent event) {
        Instant now = clock.instant();
        return transactor.inTransaction(stores -> {
            if (!stores.connections().recordEvent(event.eventId(), event.type(), now)) {
                return EventOutcome.DUPLICATE;
            }
            boolean expiredNow = event.type().equals(ConnectionEvent.EXPIRED)
                    || (event.type().equals(ConnectionEvent.UPDATED)
                            && event.status().filter("expired"::equals).isPresent());
            if (expiredNow) {
                expire(stores, event.connectionId(), "OFAuth reported that the OnlyFans session expired", now);
                return EventOutcome.APPLIED;
            }
            if (event.type().equals(ConnectionEvent.UPDATED) || event.type().equals(ConnectionEvent.CREATED)) {
                stores.connections().scheduleProbe(event.connectionId(), now, now); // a probe confirms before resuming
                return EventOutcome.APPLIED;
            }
            return EventOutcome.IGNORED;
        });
    }

    private void expired(String connectionId, String reason) {
        Instant now = clock.instant();
        transactor.inTransaction(stores -> {
            expire(stores, connectionId, reason, now);
            return null;
        });
    }

    private void healthy(String connectionId) {
        Instant now = clock.instant();
        transactor.inTransaction(stores -> {
            if (stores.connections()
                    .changeHealth(connectionId, List.of(ConnectionHealth.EXPIRED), ConnectionHealth.ACTIVE, "", now)) {
                LOG.info("Connection {} works again", connectionId);
                announce(
                        stores,
                        connectionId,
                        binding -> binding.creatorName() + "'s OnlyFans session works again"
                                + " (OFAuth connection " + connectionId
                                + "): approvals are open, approved sends go out and"
                                + " results are followed again.",
                        now);
            } else {
                stores.connections()
                        .changeHealth(
                                connectionId, List.of(ConnectionHealth.SUSPECT), ConnectionHealth.ACTIVE, "", now);
            }
            return null;
        });
    }

    private static void expire(Stores stores, String connectionId, String reason, Instant now) {
        if (!stores.connections().changeHealth(connectionId, NOT_EXPIRED, ConnectionHealth.EXPIRED, reason, now)) {
            return; // already expired and announced
        }
        LOG.warn("Connection {} expired: {}", connectionId, reason);
        announce(
                stores,
                connectionId,
                binding -> binding.creatorName() + "'s OnlyFans session has expired (OFAuth"
                        + " connection " + connectionId + "; " + reason
                        + "). Until it is reconnected, masscast refuses new"
                        + " approvals for " + binding.creatorName()
                        + ", holds approved sends (they go out once it works"
                        + " again, nothing is lost) and stops following results. To reconnect: the creator signs in again"
                        + " through OFAuth Link (OFAuth dashboard → Connections → " + connectionId
                        + " → reconnect, or a"
                        + " Link session created for this connection id). masscast notices within minutes and says so here.",
                now);
    }

    private static void announce(Stores stores, String connectionId, Function<Binding, String> text, Instant now) {
        stores.bindings().all().stream()
                .filter(binding -> binding.connectionId().equals(connectionId))
                .forEach(binding -> stores.outbox()
                        .enqueue(OutboxEntry.channelMessage(binding.channel(), text.apply(binding), now)));
    }
}
