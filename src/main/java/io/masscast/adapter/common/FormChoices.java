package io.masscast.adapter.common;

import io.masscast.core.command.FormOptions;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.FanList;
import io.masscast.core.model.VaultMedia;
import io.masscast.core.port.OfAuthFailure;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the compose form offers to pick: the creator's fan lists (with sizes) and recent vault media. Both come
 * from OFAuth, and the form must open within the platform's 3-second window, so they are fetched side by side
 * for a short while only. Lists that did not arrive in time are searched as the user types (Slack's external
 * select, Discord's autocomplete); vault media that did not arrive leave only the field for media ids.
 */
public record FormChoices(Optional<List<FanList>> lists, List<VaultMedia> media) {
    private static final Logger LOG = LoggerFactory.getLogger(FormChoices.class);
    /** OFAuth's largest vault page (limit 1..40). */
    public static final int VAULT_ITEMS = 40;

    public FormChoices {
        lists = lists.map(List::copyOf);
        media = List.copyOf(media);
    }

    public static FormChoices load(FormOptions options, ChannelRef channel, BackgroundWork work, Duration budget) {
        CompletableFuture<List<FanList>> lists = work.submit(
                "loading fan lists for " + channel,
                unlessOfAuthFails("fan lists for " + channel, () -> options.lists(channel, "")));
        CompletableFuture<List<VaultMedia>> media = work.submit(
                "loading vault media for " + channel,
                unlessOfAuthFails("vault media for " + channel, () -> options.recentMedia(channel, VAULT_ITEMS)));
        long deadline = System.nanoTime() + budget.toNanos();
        return new FormChoices(ready(lists, deadline), ready(media, deadline).orElse(List.of()));
    }

    /**
     * {@code read}, answering null (nothing to offer) when OFAuth fails: the form and the list search work
     * without OFAuth's choices, so that is a warning, not an error.
     */
    public static <T> Supplier<T> unlessOfAuthFails(String what, Supplier<T> read) {
        return () -> {
            try {
                return read.get();
            } catch (OfAuthFailure failure) {
                LOG.warn(
                        "No {} to offer: OFAuth failed ({})",
                        what,
                        failure.getClass().getSimpleName());
                return null;
            }
        };
    }

    private static <T> Optional<T> ready(CompletableFuture<T> future, long deadline) {
        try {
            return BackgroundWork.await(future, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } catch (RuntimeException unavailable) {
            return Optional.empty(); // already logged; the form still opens without these choices
        }
    }
}
