package io.masscast.adapter.discord;

import io.masscast.adapter.common.CommandAnswers;
import java.util.OptionalLong;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where JDA hands masscast its events (on the adapter's event pool, never the gateway thread): interactions go to
 * their listener behind a catch-all, and each shard that becomes ready registers {@code /masscast} — on the one
 * server of {@code DISCORD_GUILD_ID} (instant), or globally from the first shard.
 */
final class DiscordListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordListener.class);

    private final SlashCommandListener commands;
    private final AutocompleteListener suggestions;
    private final ButtonListener buttons;
    private final ModalListener modals;
    private final OptionalLong guildId;

    DiscordListener(SlashCommandListener commands, AutocompleteListener suggestions, ButtonListener buttons,
                    ModalListener modals, OptionalLong guildId) {
        this.commands = commands;
        this.suggestions = suggestions;
        this.buttons = buttons;
        this.modals = modals;
        this.guildId = guildId;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (event.getName().equals(DiscordCommands.NAME)) {
            guarded("a /masscast command", event, commands::handle);
        }
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (event.getName().equals(DiscordCommands.NAME)) {
            try {
                suggestions.handle(event);
            } catch (RuntimeException e) {
                LOG.error("Discord: suggestions for {} failed", event.getFocusedOption().getName(), e);
            }
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        guarded("a button", event, buttons::handle);
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        guarded("a form", event, modals::handle);
    }

    @Override
    public void onReady(ReadyEvent event) {
        JDA shard = event.getJDA();
        if (shard.getShardInfo().getShardId() == 0) {
            LOG.info("Discord: connected as {}; invite the bot with {}", shard.getSelfUser().getName(),
                    DiscordAdapter.inviteUrl(shard.getSelfUser().getApplicationId()));
        }
        register(shard);
    }

    /** Registers {@code /masscast} as {@link DiscordCommands#definition()} says, replacing what was there. */
    void register(JDA shard) {
        if (guildId.isPresent()) {
            Guild guild = shard.getGuildById(guildId.getAsLong());
            if (guild != null) {
                guild.updateCommands().addCommands(DiscordCommands.definition()).queue(
                        done -> LOG.info("Discord: /masscast registered on guild {}", guild.getId()),
                        failed -> LOG.error("Discord: /masscast could not be registered on guild {}: {}", guild.getId(),
                                failed.getMessage()));
            } else if (shard.getShardInfo().getShardTotal() == 1) {
                LOG.warn("Discord: the bot is not in guild {} (DISCORD_GUILD_ID), so /masscast is not registered there: invite "
                        + "it with the link in the README", guildId.getAsLong());
            }
            return;
        }
        if (shard.getShardInfo().getShardId() == 0) {
            shard.updateCommands().addCommands(DiscordCommands.definition()).queue(
                    done -> LOG.info("Discord: /masscast registered globally (Discord may take up to an hour to show it)"),
                    failed -> LOG.error("Discord: /masscast could not be registered: {}", failed.getMessage()));
        }
    }

    /** Every interaction gets an answer: one that failed unexpectedly is logged and the person told so. */
    private static <E extends IReplyCallback> void guarded(String what, E event, Consumer<E> handler) {
        try {
            handler.accept(event);
        } catch (RuntimeException e) {
            LOG.error("Discord: {} by {} failed", what, event.getUser() == null ? "?" : event.getUser().getId(), e);
            if (!event.isAcknowledged()) {
                DiscordAnswers.reply(event, DiscordMessage.privately(CommandAnswers.FAILED), what);
            }
        }
    }
}
