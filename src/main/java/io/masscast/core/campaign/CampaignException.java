package io.masscast.core.campaign;

import io.masscast.core.model.Campaign;
import io.masscast.core.model.RepeatFinding;
import io.masscast.core.policy.FieldError;
import java.util.List;

/**
 * A request the campaign core refuses. Each message is written for the person who asked: what happened
 * and what to do next. Adapters show it privately (ephemeral) next to the action that caused it.
 */
public abstract sealed class CampaignException extends RuntimeException {

    private CampaignException(String message) {
        super(message);
    }

    /** No campaign with that id in this workspace. */
    public static final class NotFound extends CampaignException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The channel is not bound to a creator yet. */
    public static final class NotBound extends CampaignException {
        public NotBound() {
            super("This channel is not bound to a creator yet. An admin binds it with "
                    + "/masscast bind connection=conn_... zone=Area/City approvers=ID,ID");
        }
    }

    /** The actor lacks the right (not an approver, not the requester, not an admin). */
    public static final class NotPermitted extends CampaignException {
        public NotPermitted(String message) {
            super(message);
        }
    }

    /** The campaign's state does not allow the action (e.g. cancelling a sent message). */
    public static final class IllegalTransition extends CampaignException {
        public IllegalTransition(String message) {
            super(message);
        }
    }

    /** The click or form was for a version of the campaign that has changed since. */
    public static final class Stale extends CampaignException {
        public Stale(String message) {
            super(message);
        }
    }

    /** Someone else decided first ("already approved by X"). */
    public static final class AlreadyDecided extends CampaignException {
        public AlreadyDecided(String message) {
            super(message);
        }
    }

    /** The send policy refused the content, audience or timing; each error names its field. */
    public static final class PolicyViolation extends CampaignException {
        private final List<FieldError> errors;

        public PolicyViolation(List<FieldError> errors) {
            super(summary(errors));
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }

        private static String summary(List<FieldError> errors) {
            return String.join("\n", errors.stream().map(FieldError::toString).toList());
        }
    }

    /**
     * Others kept changing the campaign at the same moment, so this change lost every try and nothing was
     * written. A click that meets it may simply be repeated; the submitter takes it as "claimed elsewhere".
     */
    public static final class Contended extends CampaignException {
        public Contended(String message) {
            super(message);
        }
    }

    /**
     * The campaign repeats others the approver has not been warned about in this click: the approval needs one
     * more confirmation, made knowing {@code repeats}. Nothing was recorded.
     */
    public static final class RepeatUnconfirmed extends CampaignException {
        private final transient Campaign campaign;
        private final transient List<RepeatFinding> repeats;

        public RepeatUnconfirmed(Campaign campaign, List<RepeatFinding> repeats) {
            super(campaign.humanId() + " repeats " + repeats.get(0).other().humanId()
                    + ": approving it takes one more confirmation.");
            this.campaign = campaign;
            this.repeats = List.copyOf(repeats);
        }

        public Campaign campaign() {
            return campaign;
        }

        public List<RepeatFinding> repeats() {
            return repeats;
        }
    }

    /** OFAuth refused or failed a cancel or unsend; nothing changed in masscast. */
    public static final class OfAuthRefused extends CampaignException {
        public OfAuthRefused(String message) {
            super(message);
        }
    }
}
