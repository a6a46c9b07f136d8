package io.masscast.core.command;

import io.masscast.core.model.AbTestParts;
import io.masscast.core.model.Approval;
import io.masscast.core.model.Attachment;
import io.masscast.core.model.AuditEvent;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.FanList;
import io.masscast.core.model.RepeatFinding;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a campaign card shows (with its results once OFAuth reports them, and the files attached from chat),
 * gathered so rendering stays a pure function. {@code test} is the A/B test the campaign leads, whose card shows every variant; {@code repeats} what the
 * campaign (or test) repeats, while it waits for approval.
 */
public record CampaignView(
        Campaign campaign,
        Binding binding,
        List<Approval> approvals,
        List<AuditEvent> history,
        List<FanList> lists,
        Optional<CampaignStats> stats,
        List<Attachment> attachments,
        Instant now,
        Optional<AbTestParts> test,
        boolean testFinished,
        List<RepeatFinding> repeats) {

    public CampaignView {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(binding, "binding");
        approvals = List.copyOf(approvals);
        history = List.copyOf(history);
        lists = List.copyOf(lists);
        Objects.requireNonNull(stats, "stats");
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(test, "test");
        repeats = List.copyOf(repeats);
    }

    /** A campaign without files attached from chat, outside any A/B test, repeating nothing. */
    public CampaignView(
            Campaign campaign,
            Binding binding,
            List<Approval> approvals,
            List<AuditEvent> history,
            List<FanList> lists,
            Optional<CampaignStats> stats,
            Instant now) {
        this(campaign, binding, approvals, history, lists, stats, List.of(), now, Optional.empty(), false, List.of());
    }

    public Optional<FanList> list(String id) {
        return lists.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The newest history entry that led to {@code action}, if any. */
    public Optional<AuditEvent> last(String action) {
        return history.stream().filter(e -> e.action().equals(action)).reduce((first, second) -> second);
    }
}
