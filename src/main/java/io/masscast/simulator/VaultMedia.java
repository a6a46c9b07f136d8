package io.masscast.simulator;

import java.time.Instant;

/** One vault item; {@code durationSeconds} is null for photos and gifs. */
record VaultMedia(long id, MediaType type, Instant createdAt, Integer durationSeconds) {}
