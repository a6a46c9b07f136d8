package io.masscast.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What masscast knows of a sent campaign's results, and the poller's bookkeeping for it.
 *
 * @param recipients      how many fans OFAuth said the message goes to (its {@code total}), when it said
 * @param figures         the numbers OFAuth last reported (zeros before the first report)
 * @param asOf            when OFAuth last reported them; empty until the first report
 * @param sentChangedAt   when the sent count last moved: a count that stays put says delivery has ended
 * @param unsendOpen      whether OFAuth last said the message can still be unsent
 * @param missingSince    since when OFAuth's analytics no longer list it (deleted outside masscast)
 * @param buyersRead      the purchase count up to which buyers have been read (the buyers' high-water mark)
 * @param buyerMarker     where a read of the buyers that stopped at its page limit goes on next time
 * @param lastBuyerNoteAt when the last buyers note was written for the card's thread
 */
public record CampaignStats(
        long campaignId,
        Optional<Long> recipients,
        StatsFigures figures,
        Optional<Instant> asOf,
        Optional<Instant> sentChangedAt,
        boolean unsendOpen,
        Optional<Instant> missingSince,
        long buyersRead,
        Optional<Long> buyerMarker,
        Optional<Instant> lastBuyerNoteAt) {

    public CampaignStats {
        Objects.requireNonNull(recipients, "recipients");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(sentChangedAt, "sentChangedAt");
        Objects.requireNonNull(missingSince, "missingSince");
        if (buyersRead < 0) {
            throw new IllegalArgumentException("buyersRead must not be negative");
        }
        Objects.requireNonNull(buyerMarker, "buyerMarker");
        Objects.requireNonNull(lastBuyerNoteAt, "lastBuyerNoteAt");
    }

    /** Nothing reported yet. */
    public static CampaignStats none(long campaignId) {
        return new CampaignStats(
                campaignId,
                Optional.empty(),
                StatsFigures.NONE,
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                0,
                Optional.empty(),
                Optional.empty());
    }

    /** OFAuth's report at {@code at}: the figures, and whether the message can still be unsent. */
    public CampaignStats reported(StatsFigures newFigures, boolean canUnsend, Instant at) {
        Optional<Instant> sentMoved =
                asOf.isEmpty() || newFigures.sent() != figures.sent() ? Optional.of(at) : sentChangedAt;
        return new CampaignStats(
                campaignId,
                recipients,
                newFigures,
                Optional.of(at),
                sentMoved,
                canUnsend,
                Optional.empty(),
                buyersRead,
                buyerMarker,
                lastBuyerNoteAt);
    }

    public CampaignStats missing(Instant since) {
        return new CampaignStats(
                campaignId,
                recipients,
                figures,
                asOf,
                sentChangedAt,
                false,
                Optional.of(since),
                buyersRead,
                buyerMarker,
                lastBuyerNoteAt);
    }

    /** Buyers were read up to purchase count {@code read}; the next read continues at {@code marker}. */
    public CampaignStats buyersReadTo(long read, Optional<Long> marker) {
        return new CampaignStats(
                campaignId,
                recipients,
                figures,
                asOf,
                sentChangedAt,
                unsendOpen,
                missingSince,
                read,
                marker,
                lastBuyerNoteAt);
    }

    public CampaignStats withBuyerNoteAt(Instant at) {
        return new CampaignStats(
                campaignId,
                recipients,
                figures,
                asOf,
                sentChangedAt,
                unsendOpen,
                missingSince,
                buyersRead,
                buyerMarker,
                Optional.of(at));
    }

    /** Whether OFAuth reports more purchases than masscast has read buyers for. */
    public boolean hasUnreadBuyers() {
        return figures.purchased() > buyersRead;
    }

    public boolean reportedYet() {
        return asOf.isPresent();
    }
}
