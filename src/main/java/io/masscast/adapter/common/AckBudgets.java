package io.masscast.adapter.common;

import java.time.Duration;

/**
 * How long a listener waits for the core before it acks and answers later. Slack and Discord allow 3 seconds
 * for the first answer, and a modal can only open as that first answer (Slack: within the trigger's 3 seconds),
 * so a command that turns into a form must leave room for loading the form's choices and for opening it.
 *
 * @param command     a command or button, before it is acknowledged and its answer follows later
 * @param formChoices the compose form's lists and vault media, before the form opens without them
 * @param submission  a submitted form, before the modal closes and the outcome comes as a private message
 * @param suggestions a list search or autocomplete, before it answers with no matches
 */
public record AckBudgets(Duration command, Duration formChoices, Duration submission, Duration suggestions) {
    public static final AckBudgets DEFAULT = new AckBudgets(
            Duration.ofMillis(1200), Duration.ofMillis(800), Duration.ofMillis(2200), Duration.ofMillis(2200));
}
