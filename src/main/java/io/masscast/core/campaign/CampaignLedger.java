package io.masscast.core.campaign;

import io.masscast.core.model.Actor;
import io.masscast.core.model.Audience;
import io.masscast.core.model.AuditEvent;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.port.Stores;
import io.masscast.core.port.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes campaign transitions: checks the transition table, stores the change with a conditional update,
 * appends the audit event and queues the channel notifications — all in the caller's transaction.
 * Also runs transactions again when a conditional update lost a race.
 */
final class CampaignLedger {
    static final String SYSTEM_ACTOR = "masscast";
    private static final int MAX_ATTEMPTS = 10;

    private final Transactor transactor;
    private final Clock clock;

    CampaignLedger(Transactor transactor, Clock clock) {
        this.transactor = transactor;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** Runs {@code work} in a transaction, again from the start if a concurrent change made it lose a race. */
    <T> T inTransaction(Function<Stores, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactor.inTransaction(work);
            } catch (ConcurrentChange e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new CampaignException.Contended("The campaign kept changing while masscast tried to save this"
                            + " change (" + MAX_ATTEMPTS + " tries); nothing was changed. Try again.");
                }
            }
        }
    }

    static Campaign load(Stores stores, long campaignId) {
        return stores.campaigns()
                .find(campaignId)
                .orElseThrow(() -> new CampaignException.NotFound("There is no campaign with id " + campaignId + "."));
    }

    /**
     * Stores a new campaign waiting for approval, composed by {@code requester} for {@code binding}'s creator, with
     * its {@code compose} audit event ({@code detail} says what composed it, or is empty).
     */
    static Campaign insertPending(
            Stores stores,
            ChannelRef channel,
            Actor requester,
            Binding binding,
            MessageContent content,
            Audience audience,
            Optional<Instant> scheduledAt,
            Instant now,
            String detail) {
        String fingerprint = Fingerprint.of(binding.connectionId(), content, audience, scheduledAt);
        Campaign campaign = stores.campaigns()
                .insert(new Campaign(
                        0,
                        0,
                        channel,
                        binding.connectionId(),
                        requester.userId(),
                        requester.displayName(),
                        content,
                        audience,
                        scheduledAt,
                        CampaignState.PENDING_APPROVAL,
                        fingerprint,
                        0,
                        now,
                        now,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        stores.audit()
                .append(new AuditEvent(
                        campaign.id(),
                        now,
                        requester.userId(),
                        "compose",
                        Optional.empty(),
                        CampaignState.PENDING_APPROVAL,
                        fingerprint,
                        Optional.empty(),
                        detail));
        return campaign;
    }

    static void require(CampaignAction action, Campaign campaign) {
        if (!action.allowsFrom(campaign.state())) {
            throw new CampaignException.IllegalTransition(campaign.humanId() + " is "
                    + campaign.state().label() + ", so it can't be " + action.pastTense() + ".");
        }
    }

    /**
     * Stores {@code after} (built from {@code before}) as the result of {@code action} by {@code actorId}.
     * Throws {@link ConcurrentChange} if {@code before} is no longer the stored version.
     */
    Campaign record(
            Stores stores,
            Campaign before,
            Campaign after,
            CampaignAction action,
            String actorId,
            String detail,
            Optional<String> threadNote) {
        require(action, before);
        if (!action.allowsTo(after.state())) {
            throw new IllegalStateException(action + " can't lead to " + after.state());
        }
        Campaign saved = stores.campaigns().update(after).orElseThrow(ConcurrentChange::new);
        Instant now = now();
        stores.audit()
                .append(new AuditEvent(
                        saved.id(),
                        now,
                        actorId,
                        action.name().toLowerCase(Locale.ROOT),
                        Optional.of(before.state()),
                        saved.state(),
                        saved.fingerprint(),
                        saved.ofauthMessageId(),
                        detail));
        stores.outbox().enqueue(OutboxEntry.card(saved, now));
        threadNote.ifPresent(note -> stores.outbox().enqueue(OutboxEntry.threadNote(saved, note, now)));
        return saved;
    }
}
