package io.masscast.adapter.slack;

import java.time.Duration;

/**
 * How long a listener waits for the core before it acks and answers later. Slack allows 3 seconds for an ack
 * and for using a modal's trigger, so a command that turns into a form must leave room for loading the form's
 * choices and for {@code views.open}.
 *
 * @param command     a command or button, before its answer goes through {@code response_url} instead
 * @param formChoices the compose form's lists and vault media, before the form opens without them
 * @param submission  a submitted form, before the modal closes and the outcome comes as a private message
 * @param suggestions a list search, before it answers with no matches
 */
record AckBudgets(Duration command, Duration formChoices, Duration submission, Duration suggestions) {
    static final AckBudgets DEFAULT = new AckBudgets(Duration.ofMillis(1200), Duration.ofMillis(800),
            Duration.ofMillis(2200), Duration.ofMillis(2200));
}
