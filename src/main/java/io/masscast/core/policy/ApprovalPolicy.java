package io.masscast.core.policy;

import io.masscast.core.model.Actor;
import io.masscast.core.model.Approval;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import java.util.List;
import java.util.Optional;

/** Who may approve a campaign, and when enough distinct approvers have agreed. */
public final class ApprovalPolicy {
    private final Permissions permissions;

    public ApprovalPolicy(Permissions permissions) {
        this.permissions = permissions;
    }

    /** Why {@code actor} may not approve {@code campaign}, or empty if they may. */
    public Optional<String> refusal(Campaign campaign, Binding binding, Actor actor) {
        if (!permissions.isApprover(binding, actor)) {
            return Optional.of(
                    binding.approvers().isEmpty()
                            ? "This channel has no approvers yet: an admin sets them with /masscast policy approvers=..."
                            : "You are not an approver in this channel, so you can't approve " + campaign.humanId()
                                    + ".");
        }
        if (campaign.isRequestedBy(actor) && !binding.policy().selfApprovalAllowed()) {
            return Optional.of("You requested " + campaign.humanId() + " and this channel doesn't allow approving "
                    + "your own campaigns: another approver has to approve it.");
        }
        return Optional.empty();
    }

    /** The channel's approvers who have not approved {@code campaign} yet and may: the requester only if self-approval is allowed. */
    public static List<String> stillToApprove(Binding binding, Campaign campaign, List<Approval> approvals) {
        return binding.approvers().stream()
                .sorted()
                .filter(id -> approvals.stream().noneMatch(a -> a.approverId().equals(id)))
                .filter(id -> binding.policy().selfApprovalAllowed() || !id.equals(campaign.requesterId()))
                .toList();
    }

    /** Whether these approvals (all for the current fingerprint, one per approver) complete the campaign. */
    public boolean isComplete(Binding binding, List<Approval> approvals) {
        return approvals.stream().map(Approval::approverId).distinct().count()
                >= binding.policy().requiredApprovals();
    }
}
