package io.masscast.adapter.discord;

import io.masscast.adapter.common.AckBudgets;
import io.masscast.config.DiscordSettings;
import io.masscast.config.Secret;
import io.masscast.core.command.CampaignCards;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import io.masscast.testing.CommandLayer;
import io.masscast.testing.FakeOfAuthGateway;
import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.entities.Member;

/**
 * The Discord adapter over the real command layer with in-memory stores and a fake OFAuth; its connection to
 * Discord is {@link FakeDiscordChannels}, and interactions are mocked JDA events ({@link DiscordEvents}) handed to
 * the adapter's listener as JDA would hand them.
 */
final class DiscordTestBed implements DiscordInteractions, AutoCloseable {
    static final String ADMIN = "900000000000000001";
    static final String ALICE = "900000000000000002";
    static final String BOB = "900000000000000003";
    static final String CAROL = "900000000000000004";
    static final String DAVE = "900000000000000005";
    static final String ERIN = "900000000000000006";
    /** The Discord role the channel's approvers have (Dave has it). */
    static final String APPROVERS_ROLE = "800000000000000001";

    static final ChannelRef CHANNEL = new ChannelRef(Platform.DISCORD, DiscordEvents.GUILD, DiscordEvents.CHANNEL);

    static final Member ADMIN_MEMBER = DiscordEvents.member(ADMIN, "admin");
    static final Member ALICE_MEMBER = DiscordEvents.member(ALICE, "alice");
    static final Member BOB_MEMBER = DiscordEvents.member(BOB, "bob");
    static final Member DAVE_MEMBER = DiscordEvents.member(DAVE, "dave", APPROVERS_ROLE);
    static final Member ERIN_MEMBER = DiscordEvents.member(ERIN, "erin", "800000000000000999");

    final FakeOfAuthGateway ofauth = new FakeOfAuthGateway();
    final InMemoryStores stores = new InMemoryStores();
    final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");
    final DiscordEvents events = new DiscordEvents();
    final FakeDiscordChannels discord = new FakeDiscordChannels(DiscordEvents.CHANNEL);
    final CommandLayer core;
    final DiscordAdapter adapter;
    private final Map<Integer, String> cardMessages = new LinkedHashMap<>();

    private DiscordTestBed(AckBudgets budgets) {
        core = CommandLayer.over(stores, ofauth, clock, Set.of(ADMIN));
        adapter = new DiscordAdapter(
                new DiscordSettings(Secret.of("discord-test-token"), OptionalLong.empty()),
                core.chat(),
                (settings, listener) -> discord.shards,
                budgets,
                clock);
        adapter.start();
    }

    static DiscordTestBed start() {
        return new DiscordTestBed(AckBudgets.DEFAULT);
    }

    static DiscordTestBed start(AckBudgets budgets) {
        return new DiscordTestBed(budgets);
    }

    @Override
    public DiscordListener listener() {
        return (DiscordListener) adapter.listener();
    }

    @Override
    public DiscordEvents events() {
        return events;
    }

    String slashAutocomplete(Member member, String sub, String option, String typed) {
        var event = events.autocomplete(member, sub, option, typed);
        String id = events.last();
        listener().onCommandAutoCompleteInteraction(event);
        return id;
    }

    /** An admin binds the channel to Mila Rose; Alice, Bob and the approvers' role approve. */
    void bindChannel() {
        String bound = slash(
                ADMIN_MEMBER,
                "bind",
                Map.of(
                        "connection",
                        FakeOfAuthGateway.CONNECTION,
                        "zone",
                        "Europe/Berlin",
                        "approvers",
                        "<@" + ALICE + "> <@" + BOB + ">, <@&" + APPROVERS_ROLE + ">"));
        String answer = events.awaitAnswer(bound).content();
        if (!answer.contains("now speaks for")) {
            throw new IllegalStateException("binding failed: " + answer);
        }
    }

    /** The channel's campaign MC-{@code number}. */
    Campaign campaign(int number) {
        return core.campaigns().findByNumber(CHANNEL, number);
    }

    /** Moves a campaign on as the jobs would (to sent, in doubt, ...). */
    void change(int number, UnaryOperator<Campaign.Changes> change) {
        stores.inTransaction(s ->
                s.campaigns().update(change.apply(campaign(number).change()).apply(clock.instant())));
    }

    void state(int number, CampaignState state, Optional<Long> ofauthMessage, Optional<Instant> unsendableUntil) {
        change(
                number,
                c -> c.state(state)
                        .ofauthMessageId(ofauthMessage)
                        .unsendableUntil(unsendableUntil)
                        .sentAt(state == CampaignState.SENT ? Optional.of(clock.instant()) : Optional.empty()));
    }

    /** Does what the outbox does for a card entry: shows the campaign as it is now, updating its message. */
    String showCard(int number) {
        String shown = adapter.notifier()
                .showCard(
                        CHANNEL,
                        Optional.ofNullable(cardMessages.get(number)),
                        new CampaignCards().render(core.views().of(campaign(number))));
        cardMessages.put(number, shown);
        return shown;
    }

    @Override
    public void close() {
        adapter.stop();
    }
}
