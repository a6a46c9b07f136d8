package io.masscast.core.command;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a button does, to which campaign, for which version. Encoded as {@code verb:campaignId:fingerprint}
 * (at most 90 characters, within Slack's and Discord's limits) so a click can be checked against the
 * version the clicker saw.
 */
public record ActionId(Verb verb, long campaignId, String fingerprint) {

    /** {@code APPROVE_REPEAT}: approve although the campaign repeats a recent one (the repeat guard's extra confirmation). */
    public enum Verb {
        APPROVE,
        REJECT,
        EDIT,
        CANCEL,
        UNSEND,
        MARK_SENT,
        SEND_AGAIN,
        APPROVE_REPEAT
    }

    private static final Pattern ENCODED = Pattern.compile("([a-z_]+):([0-9]{1,18}):([0-9a-f]{0,64})");

    public ActionId {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    public String encode() {
        return verb.name().toLowerCase(Locale.ROOT) + ":" + campaignId + ":" + fingerprint;
    }

    /** The action encoded in {@code value}, or empty if it is not one of ours (a forged or foreign value). */
    public static Optional<ActionId> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = ENCODED.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Verb verb = Verb.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            return Optional.of(new ActionId(verb, Long.parseLong(m.group(2)), m.group(3)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
