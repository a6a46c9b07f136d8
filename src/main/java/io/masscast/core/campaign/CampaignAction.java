package io.masscast.core.campaign;

import static io.masscast.core.model.CampaignState.APPROVED;
import static io.masscast.core.model.CampaignState.CANCELLED;
import static io.masscast.core.model.CampaignState.EXPIRED;
import static io.masscast.core.model.CampaignState.FAILED;
import static io.masscast.core.model.CampaignState.IN_DOUBT;
import static io.masscast.core.model.CampaignState.PENDING_APPROVAL;
import static io.masscast.core.model.CampaignState.REJECTED;
import static io.masscast.core.model.CampaignState.SCHEDULED;
import static io.masscast.core.model.CampaignState.SENDING;
import static io.masscast.core.model.CampaignState.SENT;
import static io.masscast.core.model.CampaignState.SUBMITTING;
import static io.masscast.core.model.CampaignState.UNSENT;

import io.masscast.core.model.CampaignState;
import java.util.EnumSet;
import java.util.Set;

/**
 * The transition table of DESIGN.md section 3: every action, the states it may start from and the
 * states it may lead to. Anything else is an {@link CampaignException.IllegalTransition}.
 */
public enum CampaignAction {
    EDIT("edited", EnumSet.of(PENDING_APPROVAL, SCHEDULED), EnumSet.of(PENDING_APPROVAL)),
    /** An approval that is not yet the last one needed keeps the campaign pending. */
    APPROVE("approved", EnumSet.of(PENDING_APPROVAL), EnumSet.of(PENDING_APPROVAL, APPROVED)),
    REJECT("rejected", EnumSet.of(PENDING_APPROVAL), EnumSet.of(REJECTED)),
    /** A failed replacement of a scheduled message leaves the earlier version at OFAuth, which may still be cancelled. */
    CANCEL("cancelled", EnumSet.of(PENDING_APPROVAL, APPROVED, SCHEDULED, FAILED), EnumSet.of(CANCELLED)),
    EXPIRE("expired", EnumSet.of(PENDING_APPROVAL), EnumSet.of(EXPIRED)),
    /** The submitter takes an approved campaign to send it. */
    CLAIM("claimed for sending", EnumSet.of(APPROVED), EnumSet.of(SUBMITTING)),
    /** A claimed campaign whose request provably never left goes back to the queue. */
    RELEASE("put back in the queue", EnumSet.of(SUBMITTING), EnumSet.of(APPROVED)),
    /** OFAuth accepted the message; a late answer also settles a doubt. */
    RECORD_ACCEPTED("accepted by OFAuth", EnumSet.of(SUBMITTING, IN_DOUBT), EnumSet.of(SCHEDULED, SENDING, SENT)),
    RECORD_REFUSED("refused by OFAuth", EnumSet.of(SUBMITTING), EnumSet.of(FAILED)),
    MARK_IN_DOUBT("marked in doubt", EnumSet.of(SUBMITTING), EnumSet.of(IN_DOUBT)),
    /** The reconciler found the message in OFAuth's analytics. */
    ADOPT("found at OFAuth", EnumSet.of(IN_DOUBT), EnumSet.of(SENDING, SENT)),
    /** The reconciler cannot tell (no message, or more than one that fits): a person decides from here. */
    LEAVE_TO_PERSON("left to a person", EnumSet.of(IN_DOUBT), EnumSet.of(IN_DOUBT)),
    /** A person says the in-doubt message did go out. */
    CONFIRM_SENT("marked as sent", EnumSet.of(IN_DOUBT), EnumSet.of(SENT)),
    /** A person says the in-doubt message did not go out and must be sent again. */
    SEND_AGAIN("queued to send again", EnumSet.of(IN_DOUBT), EnumSet.of(APPROVED)),
    /** OFAuth reports delivery progress of a scheduled or sending message. */
    PROGRESS("updated from OFAuth", EnumSet.of(SCHEDULED, SENDING), EnumSet.of(SENDING, SENT)),
    UNSEND("unsent", EnumSet.of(SENDING, SENT), EnumSet.of(UNSENT));

    private final String pastTense;

    @SuppressWarnings("ImmutableEnumChecker") // unmodifiable copies, see the constructor
    private final Set<CampaignState> from;

    @SuppressWarnings("ImmutableEnumChecker")
    private final Set<CampaignState> to;

    CampaignAction(String pastTense, Set<CampaignState> from, Set<CampaignState> to) {
        this.pastTense = pastTense;
        this.from = Set.copyOf(from);
        this.to = Set.copyOf(to);
    }

    public boolean allowsFrom(CampaignState state) {
        return from.contains(state);
    }

    public boolean allowsTo(CampaignState state) {
        return to.contains(state);
    }

    public Set<CampaignState> from() {
        return from;
    }

    /** For messages: "MC-3 is sent, so it can't be cancelled." */
    public String pastTense() {
        return pastTense;
    }
}
