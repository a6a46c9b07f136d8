package io.masscast.simulator;

import java.time.Instant;

/** A fan who bought a PPV mass message, and when. */
record Purchase(Fan fan, Instant at) {}
