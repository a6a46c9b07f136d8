package io.masscast.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PrimitiveIterator;

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
    static final double VIEW_RATE = 0.45;
    static final double BUY_RATE = 0.04;

    private final long seed;
    private final Duration deliveryDuration;
    private final Duration purchaseWindow;
    private final Duration unsendWindow;

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
        int[] counts = new int[3];
        walk(message, population, now, (fan, viewed, purchasedAt) -> {
            counts[0]++;
            counts[1] += viewed ? 1 : 0;
            counts[2] += purchasedAt != null ? 1 : 0;
        });
        boolean wentOut = state == MessageState.SENDING || state == MessageState.SENT || state == MessageState.UNSENT;
        Instant windowEnd = message.sendAt().plus(unsendWindow);
        boolean unsendable = (state == MessageState.SENDING || state == MessageState.SENT) && now.isBefore(windowEnd);
        long unsendSeconds = unsendable ? OfDates.ceilSeconds(Duration.between(now, windowEnd)) : 0;
        return new MessageStatus(state, wentOut ? message.audience().size() : -1, counts[0], counts[1], counts[2],
                unsendable || state == MessageState.SCHEDULED, unsendSeconds);
    }

    /** Purchases so far, oldest first. */
    List<Purchase> purchases(MassMessage message, Population population, Instant now) {
        List<Purchase> purchases = new ArrayList<>();
        walk(message, population, now, (fan, viewed, purchasedAt) -> {
            if (purchasedAt != null) {
                purchases.add(new Purchase(fan, purchasedAt));
            }
        });
        purchases.sort(Comparator.comparing(Purchase::at).thenComparingLong(p -> p.fan().id()));
        return purchases;
    }

    private Instant deliveredBy(MassMessage message) {
        return message.scheduled() ? message.sendAt() : message.sendAt().plus(deliveryDuration);
    }

    private void walk(MassMessage message, Population population, Instant now, DeliveryVisitor visitor) {
        MessageState state = state(message, now);
        if (state == MessageState.SCHEDULED || state == MessageState.CANCELED) {
            return;
        }
        Instant horizon = message.canceledAt() == null || now.isBefore(message.canceledAt()) ? now : message.canceledAt();
        int audienceSize = message.audience().size();
        double spreadNanos = message.scheduled() ? 0 : deliveryDuration.toNanos();
        boolean priced = !message.content().free();
        int position = 0;
        for (PrimitiveIterator.OfInt fans = message.audience().indices().iterator(); fans.hasNext(); position++) {
            Fan fan = population.fan(fans.nextInt());
            Instant deliveredAt = message.sendAt().plusNanos((long) (spreadNanos * position / audienceSize));
            if (deliveredAt.isAfter(horizon)) {
                return;
            }
            long dice = Hashes.mix(seed, message.id(), fan.id());
            Instant purchasedAt = null;
            if (priced && Hashes.unit(dice) < BUY_RATE) {
                Instant at = deliveredAt.plusNanos((long) (purchaseWindow.toNanos() * Hashes.unit(Hashes.mix(dice))));
                purchasedAt = at.isAfter(horizon) ? null : at;
            }
            visitor.delivered(fan, Hashes.unit(dice) < VIEW_RATE, purchasedAt);
        }
    }

    @FunctionalInterface
    private interface DeliveryVisitor {
        void delivered(Fan fan, boolean viewed, Instant purchasedAt);
    }
}
