package io.masscast.adapter.discord;

import io.masscast.core.command.FormSpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compose forms waiting for their modal to come back, under a short key in the modal's (and a Fix button's) custom
 * id: the form as the core prefilled it. What the modal does not show (media, preview count, fan ids, ...) comes
 * from here into the submission, and a refused submission reopens as it was typed. Kept in memory for an hour; a
 * form that outlived that or a restart is answered with what was typed in it, so it can be sent again.
 */
final class PendingForms {
    static final Duration KEEP = Duration.ofHours(1);
    private static final int MAX_FORMS = 10_000;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int KEY_LENGTH = 12;

    private record Pending(FormSpec spec, Instant until) {}

    private final Map<String, Pending> forms = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    PendingForms(Clock clock) {
        this.clock = clock;
    }

    /** Keeps {@code spec} and returns its key. */
    String put(FormSpec spec) {
        Instant now = clock.instant();
        forms.values().removeIf(pending -> !now.isBefore(pending.until()));
        if (forms.size() >= MAX_FORMS) {
            forms.clear(); // only under a flood of abandoned forms; their owners are told to start again
        }
        String key = key();
        forms.put(key, new Pending(spec, now.plus(KEEP)));
        return key;
    }

    Optional<FormSpec> get(String key) {
        Pending pending = forms.get(key);
        return pending == null || !clock.instant().isBefore(pending.until())
                ? Optional.empty()
                : Optional.of(pending.spec());
    }

    private String key() {
        StringBuilder key = new StringBuilder(KEY_LENGTH);
        for (int i = 0; i < KEY_LENGTH; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }
}
