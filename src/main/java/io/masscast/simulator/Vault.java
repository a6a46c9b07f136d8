package io.masscast.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A creator's vault: seeded media plus whatever uploads and URL imports add. */
final class Vault {
    private final List<VaultMedia> media = new ArrayList<>();
    private long lastId;

    Vault(List<VaultMedia> seeded) {
        media.addAll(seeded);
        lastId = seeded.stream().mapToLong(VaultMedia::id).max().orElse(48_000_000L);
    }

    synchronized VaultMedia add(MediaType type, Instant at) {
        lastId += 1 + Math.floorMod(Hashes.mix(lastId), 17);
        VaultMedia added =
                new VaultMedia(lastId, type, at, type == MediaType.VIDEO || type == MediaType.AUDIO ? 30 : null);
        media.add(added);
        return added;
    }

    synchronized Optional<VaultMedia> find(long id) {
        return media.stream().filter(m -> m.id() == id).findFirst();
    }

    /** Newest first. */
    synchronized List<VaultMedia> recent() {
        return media.stream()
                .sorted(Comparator.comparing(VaultMedia::createdAt)
                        .thenComparing(VaultMedia::id)
                        .reversed())
                .toList();
    }
}
