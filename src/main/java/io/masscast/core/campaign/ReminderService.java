package io.masscast.core.campaign;

import io.masscast.core.model.AbPart;
import io.masscast.core.model.AuditEvent;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.policy.ApprovalPolicy;
import io.masscast.core.port.Stores;
import io.masscast.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reminds a channel's approvers of a campaign still waiting for them, in the campaign's thread: once it has
 * waited the policy's time ({@code remind_after}, 30 minutes by default) since it was composed or last edited, and
 * once that long before its send time. Each of these windows is claimed in the database in the transaction that
 * queues the note, so a campaign gets at most one reminder per window, whichever replica or restart gets there first;
 * an edit opens a new waiting window. No reminder comes within {@value #QUIET_MINUTES} minutes of the campaign being
 * composed or edited (its card has just asked), and none once its send time has passed.
 *
 * <p>An A/B test is approved as a whole, so it gets one reminder per window, naming the test: its lead (variant A's
 * first message) claims the window and speaks for it; its other campaigns get none of their own.
 */
public final class ReminderService {
    static final int QUIET_MINUTES = 5;
    private static final Duration QUIET = Duration.ofMinutes(QUIET_MINUTES);
    private static final Set<String> PENDING_FROM =
            Set.of("compose", CampaignAction.EDIT.name().toLowerCase(Locale.ROOT));
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int BATCH = 500;

    private final Transactor transactor;
    private final Clock clock;
    private final String replica;

    public ReminderService(Transactor transactor, Clock clock, String replica) {
        this.transactor = transactor;
        this.clock = clock;
        this.replica = replica;
    }

    /** Queues every reminder that is due and not claimed yet; returns how many campaigns (a test counting once) were reminded of. */
    public int remindDue() {
        Instant now = clock.instant();
        List<Long> pending = transactor.inTransaction(
                stores -> stores.campaigns().inStates(Set.of(CampaignState.PENDING_APPROVAL), BATCH).stream()
                        .map(Campaign::id)
                        .toList());
        int reminded = 0;
        for (long id : pending) {
            reminded += transactor.inTransaction(stores -> remind(stores, id, now)) ? 1 : 0;
        }
        return reminded;
    }

    /** A reminder window of a campaign, and why it is due. */
    private record Window(String key, String reason) {}

    private boolean remind(Stores stores, long campaignId, Instant now) {
        Optional<Campaign> found =
                stores.campaigns().find(campaignId).filter(c -> c.state() == CampaignState.PENDING_APPROVAL);
        Optional<Binding> binding = found.flatMap(c -> stores.bindings().find(c.channel()));
        if (found.isEmpty()
                || binding.isEmpty()
                || binding.get().policy().remindAfter().isEmpty()) {
            return false;
        }
        Optional<AbPart> part = stores.tests().partOf(campaignId);
        if (part.filter(p -> !p.isLead()).isPresent()) {
            return false; // the test's lead reminds of the whole test
        }
        Campaign campaign = found.get();
        String subject = part.isPresent() ? "the A/B test " + campaign.humanId() : campaign.humanId();
        Duration after = binding.get().policy().remindAfter().get();
        Instant pendingSince =
                pendingSince(stores.audit().forCampaign(campaignId)).orElse(campaign.createdAt());
        if (now.isBefore(pendingSince.plus(QUIET))
                || campaign.scheduledAt().filter(at -> !now.isBefore(at)).isPresent()) {
            return false;
        }
        List<Window> due = new ArrayList<>();
        if (!now.isBefore(pendingSince.plus(after))) {
            due.add(new Window(
                    "waiting:" + pendingSince.toEpochMilli(),
                    "has been waiting for approval for " + minutes(Duration.between(pendingSince, now))));
        }
        campaign.scheduledAt()
                .filter(at -> !now.isBefore(at.minus(after)))
                .ifPresent(at -> due.add(new Window(
                        "before-send:" + at.toEpochMilli(),
                        "goes out in " + minutes(Duration.between(now, at)) + " ("
                                + local(at, binding.get().zone()) + ") only if it is approved before then")));
        List<Window> claimed = due.stream()
                .filter(w -> stores.reminders().claim(campaignId, w.key(), now, replica))
                .toList();
        if (claimed.isEmpty()) {
            return false;
        }
        stores.outbox()
                .enqueue(
                        OutboxEntry.threadNote(campaign, text(stores, campaign, subject, binding.get(), claimed), now));
        return true;
    }

    /** When the campaign last became pending: composed, or edited (partial approvals keep it pending, but don't count). */
    private static Optional<Instant> pendingSince(List<AuditEvent> history) {
        return history.stream()
                .filter(e -> e.to() == CampaignState.PENDING_APPROVAL && PENDING_FROM.contains(e.action()))
                .map(AuditEvent::at)
                .reduce((first, second) -> second);
    }

    /**
     * {@code Reminder for @bob, @carol: MC-3 has been waiting for approval for 35 min and goes out in 28 min ...}; a
     * test's approvals are stored on each of its campaigns, so its lead's tell who approved the test.
     */
    private static String text(
            Stores stores, Campaign campaign, String subject, Binding binding, List<Window> windows) {
        List<String> who = ApprovalPolicy.stillToApprove(
                        binding, campaign, stores.approvals().forCampaign(campaign.id(), campaign.fingerprint()))
                .stream()
                .map(Mention::of)
                .toList();
        String reasons =
                String.join(" and ", windows.stream().map(Window::reason).toList());
        String ask = who.isEmpty()
                ? " Nobody left can approve it: an admin names approvers with /masscast policy approvers=..."
                : " Approve or reject it on the card.";
        return "Reminder" + (who.isEmpty() ? "" : " for " + String.join(", ", who)) + ": " + subject + " " + reasons
                + "." + ask;
    }

    private static String minutes(Duration duration) {
        long minutes = Math.max(1, Math.round(duration.toSeconds() / 60.0));
        return minutes < 120 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }

    private static String local(Instant at, ZoneId zone) {
        return LOCAL.format(at.atZone(zone)) + " " + zone.getId();
    }
}
