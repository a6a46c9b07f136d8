package io.masscast.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a mass message's audience has received, viewed and bought at a given instant. Nothing runs in the
 * background: everything is derived from the message's times and a per-fan hash of (seed, message, fan), so
 * advancing the clock is all it takes to make a message send and purchases arrive.
 * <ul>
 *   <li>a scheduled message reaches its whole audience at its date; an immediate one reaches fans in order,
 *       evenly over the delivery duration;</li>
 *   <li>a delivered fan views it if their dice fall under {@value #VIEW_RATE}; a fan buys a priced message
 *       if they fall under {@value #BUY_RATE} (so buyers are viewers), at a dice-chosen moment of the
 *       purchase window after delivery;</li>
 *   <li>unsending stops delivery and further purchases; earlier purchases stay.</li>
 * </ul>
 */
final class MessageTimeline {
    private static final double VIEW_RATE = 0.45;
    private static final double BUY_RATE = 0.04;

    private final long seed;
    private final Duration deliveryDuration;
    private final Duration purchaseWindow;
    private final Duration unsendWindow;
    private final Map<Long, Outcome> settled = new ConcurrentHashMap<>();

    MessageTimeline(long seed, Duration deliveryDuration, Duration purchaseWindow, Duration unsendWindow) {
        this.seed = seed;
        this.deliveryDuration = deliveryDuration;
        this.purchaseWindow = purchaseWindow;
        this.unsendWindow = unsendWindow;
    }

    Duration unsendWindow() {
        return unsendWindow;
    }

    MessageState state(MassMessage message, Instant now) {
        Instant canceledAt = message.canceledAt();
        if (message.scheduled() && canceledAt != null && canceledAt.isBefore(message.sendAt())) {
            return MessageState.CANCELED;
        }
        if (now.isBefore(message.sendAt())) {
            return MessageState.SCHEDULED;
        }
        if (canceledAt != null) {
            return MessageState.UNSENT;
        }
        return now.isBefore(deliveredBy(message)) ? MessageState.SENDING : MessageState.SENT;
    }

    MessageStatus status(MassMessage message, Population population, Instant now) {
        MessageState state = state(message, now);
        Outcome outcome = outcome(message, population, now);
        boolean wentOut = state == MessageState.SENDING || state == MessageState.SENT || state == MessageState.UNSENT;
        Instant windowEnd = message.sendAt().plus(unsendWindow);
        boolean unsendable = (state == MessageState.SENDING || state == MessageState.SENT) && now.isBefore(windowEnd);
        long unsendSeconds = unsendable ? OfDates.ceilSeconds(Duration.between(now, windowEnd)) : 0;
        return new MessageStatus(
                state,
                wentOut ? message.audience().size() : -1,
                outcome.sent(),
                outcome.viewed(),
                outcome.purchases().size(),
                unsendable || state == MessageState.SCHEDULED,
                unsendSeconds);
    }

    /** Purchases so far, oldest first. */
    List<Purchase> purchases(MassMessage message, Population population, Instant now) {
        return outcome(message, population, now).purchases();
    }

    private Instant deliveredBy(MassMessage message) {
        return message.scheduled() ? message.sendAt() : message.sendAt().plus(deliveryDuration);
    }

    /** Once a message can change no more, its outcome is kept: analytics ask for every message on every call. */
    @SuppressWarnings("ReferenceEquality")
    private Outcome outcome(MassMessage message, Population population, Instant now) {
        Outcome kept = settled.get(message.id());
        // identity, not equality: a replaced or canceled message is a new object and must be observed again
        if (kept != null && kept.message() == message) {
            return kept;
        }
        Outcome outcome = observe(message, population, now);
        boolean frozenByCancel = message.canceledAt() != null && !now.isBefore(message.canceledAt());
        if (frozenByCancel || !now.isBefore(deliveredBy(message).plus(purchaseWindow))) {
            settled.put(message.id(), outcome);
        }
        return outcome;
    }

    private Outcome observe(MassMessage message, Population population, Instant now) {
        MessageState state = state(message, now);
        if (state == MessageState.SCHEDULED || state == MessageState.CANCELED) {
            return new Outcome(message, 0, 0, List.of());
        }
        Instant horizon =
                message.canceledAt() == null || now.isBefore(message.canceledAt()) ? now : message.canceledAt();
        // offsets from the send time, in nanoseconds: no Instant per fan on this hot path
        long horizonNanos = Duration.between(message.sendAt(), horizon).toNanos();
        int audienceSize = message.audience().size();
        double spreadNanos = message.scheduled() ? 0 : deliveryDuration.toNanos();
        long windowNanos = purchaseWindow.toNanos();
        boolean priced = !message.content().free();
        int delivered = 0;
        int viewed = 0;
        List<Purchase> purchases = new ArrayList<>();
        for (PrimitiveIterator.OfInt fans = message.audience().indices().iterator(); fans.hasNext(); delivered++) {
            int index = fans.nextInt();
            long deliveredNanos = (long) (spreadNanos * delivered / audienceSize);
            if (deliveredNanos > horizonNanos) {
                break;
            }
            long dice = Hashes.mix(seed, message.id(), population.fan(index).id());
            viewed += Hashes.unit(dice) < VIEW_RATE ? 1 : 0;
            if (priced && Hashes.unit(dice) < BUY_RATE) {
                long purchasedNanos = deliveredNanos + (long) (windowNanos * Hashes.unit(Hashes.mix(dice)));
                if (purchasedNanos <= horizonNanos) {
                    purchases.add(
                            new Purchase(population.fan(index), message.sendAt().plusNanos(purchasedNanos)));
                }
            }
        }
        purchases.sort(Comparator.comparing(Purchase::at)
                .thenComparingLong(p -> p.fan().id()));
        return new Outcome(message, delivered, viewed, List.copyOf(purchases));
    }

    /** What the audience of one version of a message had received, viewed and bought at some instant. */
    private record Outcome(MassMessage message, int sent, int viewed, List<Purchase> purchases) {}
}
