package io.masscast.adapter.discord;

import io.masscast.core.model.Actor;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.ISnowflake;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * Who acted and where, as the core knows them. The member who clicked comes with their roles in the interaction
 * itself (no privileged intent needed), so a role in the channel's approver set works as a group.
 */
final class DiscordUsers {
    private DiscordUsers() {}

    static Actor actor(Interaction interaction) {
        User user = interaction.getUser();
        Member member = interaction.getMember();
        Set<String> roles = member == null
                ? Set.of()
                : member.getRoles().stream().map(ISnowflake::getId).collect(Collectors.toUnmodifiableSet());
        String name = member != null ? member.getEffectiveName() : user.getName();
        return new Actor(user.getId(), name, roles);
    }

    /** The server and channel of an interaction; masscast's commands are offered in servers only. */
    static ChannelRef channel(Interaction interaction) {
        Guild guild = interaction.getGuild();
        if (guild == null) {
            throw new IllegalArgumentException("interaction outside a server");
        }
        return new ChannelRef(Platform.DISCORD, guild.getId(), interaction.getChannelId());
    }
}
