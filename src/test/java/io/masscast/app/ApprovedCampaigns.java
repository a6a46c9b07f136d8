package io.masscast.app;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignDraft;
import io.masscast.core.policy.Permissions;
import io.masscast.store.Database;
import io.masscast.testing.RecordingOfAuthGateway;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Campaigns composed and approved straight into a database through the core services, as the chat would: for tests that
 * run masscast as a process (or several) and give it approved work before it starts.
 */
final class ApprovedCampaigns {
    private static final Actor ROOT = Actor.of("root", "Root");
    private static final Actor ALICE = Actor.of("alice", "Alice");
    private static final Actor BOB = Actor.of("bob", "Bob");

    private ApprovedCampaigns() {}

    /** Binds the channel if it is not yet, then composes each draft as Alice and approves it as Bob (an approver). */
    static List<Campaign> add(DatabaseSettings settings, Binding binding, List<CampaignDraft> drafts) {
        try (Database db = Database.open(settings)) {
            Permissions permissions = new Permissions(Set.of(ROOT.userId()));
            BindingService bindings = new BindingService(db, permissions);
            if (bindings.find(binding.channel()).isEmpty()) {
                bindings.bind(ROOT, binding);
            }
            CampaignService campaigns =
                    new CampaignService(db, new RecordingOfAuthGateway(), permissions, Clock.systemUTC());
            List<Campaign> approved = new ArrayList<>();
            for (CampaignDraft draft : drafts) {
                // alike and identical drafts on purpose: twins confirmed, approved without the repeat warning
                Campaign composed =
                        campaigns.compose(binding.channel(), ALICE, draft, true).campaign();
                campaigns.approve(composed.id(), BOB, composed.fingerprint(), true);
                approved.add(composed);
            }
            return approved;
        }
    }
}
