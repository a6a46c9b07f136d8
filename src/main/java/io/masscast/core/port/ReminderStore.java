package io.masscast.core.port;

import java.time.Instant;

/** Approval reminders claimed, so that each campaign is reminded once per window across replicas and restarts. */
public interface ReminderStore {

    /** Claims the campaign's reminder {@code window} for {@code by}; false if it was claimed before, by anyone. */
    boolean claim(long campaignId, String window, Instant at, String by);
}
