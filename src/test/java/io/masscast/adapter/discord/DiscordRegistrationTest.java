package io.masscast.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.masscast.adapter.common.AckBudgets;
import io.masscast.config.DiscordSettings;
import io.masscast.config.Secret;
import io.masscast.testing.CommandLayer;
import io.masscast.testing.FakeOfAuthGateway;
import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.data.DataArray;
import org.junit.jupiter.api.Test;

/**
 * When a shard is ready, {@code /masscast} is registered: on {@code DISCORD_GUILD_ID} when set, else globally from
 * the first shard only; what is registered is exactly what {@code discord-commands} prints. The README's invite
 * link asks for the scopes and permissions the code needs.
 */
class DiscordRegistrationTest {
    private static final long GUILD = 1_100_000_000_000_000_001L;

    @Test
    void onTheConfiguredGuildTheCommandIsRegisteredThere() {
        JDA shard = shard(0, 1);
        Guild guild = mock(Guild.class);
        when(guild.getId()).thenReturn(Long.toString(GUILD));
        List<String> registered = registrations(guild::updateCommands);
        when(shard.getGuildById(GUILD)).thenReturn(guild);

        listener(OptionalLong.of(GUILD)).onReady(ready(shard));

        assertThat(registered).containsExactly(DiscordCommands.json());
        verify(shard, never()).updateCommands();
    }

    @Test
    void withoutAGuildTheFirstShardRegistersItGlobally() {
        JDA first = shard(0, 2);
        JDA second = shard(1, 2);
        List<String> registered = registrations(first::updateCommands);

        listener(OptionalLong.empty()).onReady(ready(first));
        listener(OptionalLong.empty()).onReady(ready(second));

        assertThat(registered).containsExactly(DiscordCommands.json());
        verify(second, never()).updateCommands();
    }

    @Test
    void theReadmesInviteLinkAsksForWhatTheCodeNeeds() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(DiscordAdapter.inviteUrl("APPLICATION_ID"))
                .contains("scope=bot+applications.commands")
                .endsWith("permissions=" + Permission.getRaw(DiscordAdapter.PERMISSIONS));
        assertThat(readme).contains(DiscordAdapter.inviteUrl("APPLICATION_ID"));
        // Discord's settings call JDA's "Read History" Read Message History
        DiscordAdapter.PERMISSIONS.forEach(permission -> assertThat(readme)
                .contains(permission == Permission.MESSAGE_HISTORY ? "Read Message History" : permission.getName()));
    }

    private static DiscordListener listener(OptionalLong guild) {
        CommandLayer core = CommandLayer.over(
                new InMemoryStores(), new FakeOfAuthGateway(), MutableClock.at("2026-03-20T10:00:00Z"), Set.of());
        DiscordAdapter adapter = new DiscordAdapter(
                new DiscordSettings(Secret.of("discord-test-token"), guild),
                core.chat(),
                (settings, listener) -> mock(ShardManager.class),
                AckBudgets.DEFAULT,
                MutableClock.at("2026-03-20T10:00:00Z"));
        return (DiscordListener) adapter.listener();
    }

    private static JDA shard(int id, int total) {
        JDA shard = mock(JDA.class);
        when(shard.getShardInfo()).thenReturn(new JDA.ShardInfo(id, total));
        SelfUser self = mock(SelfUser.class);
        when(self.getName()).thenReturn("masscast");
        when(self.getApplicationId()).thenReturn("1234567890");
        when(shard.getSelfUser()).thenReturn(self);
        return shard;
    }

    private static ReadyEvent ready(JDA shard) {
        ReadyEvent event = mock(ReadyEvent.class);
        when(event.getJDA()).thenReturn(shard);
        return event;
    }

    /** What {@code update} registers, as the JSON Discord receives. */
    private static List<String> registrations(Supplier<CommandListUpdateAction> update) {
        List<String> registered = new CopyOnWriteArrayList<>();
        CommandListUpdateAction action = mock(CommandListUpdateAction.class, RETURNS_SELF);
        when(action.addCommands(any(CommandData[].class))).thenAnswer(call -> {
            DataArray body = DataArray.empty();
            for (Object command : call.getArguments()) {
                body.add(((CommandData) command).toData());
            }
            registered.add(body.toPrettyString());
            return action;
        });
        doAnswer(call -> null).when(action).queue(any(), any());
        when(update.get()).thenReturn(action);
        return registered;
    }
}
