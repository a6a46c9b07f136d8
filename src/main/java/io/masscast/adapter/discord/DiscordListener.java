package io.masscast.adapter.discord;

import io.masscast.adapter.common.CommandAnswers;
import io.masscast.core.model.Platform;
import io.masscast.core.port.InteractionObserver;
import java.time.Duration;
import java.util.List;
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
 * their listener behind a catch-all, timed until their acknowledgement is sent or queued, and each shard that
 * becomes ready registers {@code /masscast} — on the one server of {@code DISCORD_GUILD_ID} (instant), or globally
 * from the first shard. Once masscast stops taking interactions, each new one is answered at once, privately, that
 * masscast is restarting, and nothing else is done.
 */
final class DiscordListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordListener.class);
    static final String RESTARTING = "masscast is restarting. Try again in a few seconds.";

    private final SlashCommandListener commands;
    private final AutocompleteListener suggestions;
    private final ButtonListener buttons;
    private final ModalListener modals;
    private final OptionalLong guildId;
    private final InteractionObserver observer;
    private volatile boolean accepting = true;

    DiscordListener(
            SlashCommandListener commands,
            AutocompleteListener suggestions,
            ButtonListener buttons,
            ModalListener modals,
            OptionalLong guildId,
            InteractionObserver observer) {
        this.commands = commands;
        this.suggestions = suggestions;
        this.buttons = buttons;
        this.modals = modals;
        this.guildId = guildId;
        this.observer = observer;
    }

    /** From now on every new interaction is told that masscast is restarting, and nothing else is done. */
    void stopAccepting() {
        accepting = false;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (event.getName().equals(DiscordCommands.NAME)) {
            guarded("a /masscast command", "command", event, commands::handle);
        }
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (!event.getName().equals(DiscordCommands.NAME)) {
            return;
        }
        long start = System.nanoTime();
        try {
            if (accepting) {
                suggestions.handle(event);
            } else {
                event.replyChoices(List.of()).queue(null, DiscordAnswers.failed("suggestions", "restarting"));
            }
        } catch (RuntimeException e) {
            LOG.error(
                    "Discord: suggestions for {} failed",
                    event.getFocusedOption().getName(),
                    e);
        } finally {
            timed("suggestion", start);
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        guarded("a button", "button", event, buttons::handle);
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        guarded("a form", "form_submission", event, modals::handle);
    }

    @Override
    public void onReady(ReadyEvent event) {
        JDA shard = event.getJDA();
        if (shard.getShardInfo().getShardId() == 0) {
            LOG.info(
                    "Discord: connected as {}; invite the bot with {}",
                    shard.getSelfUser().getName(),
                    DiscordAdapter.inviteUrl(shard.getSelfUser().getApplicationId()));
        }
        register(shard);
    }

    /** Registers {@code /masscast} as {@link DiscordCommands#definition()} says, replacing what was there. */
    void register(JDA shard) {
        if (guildId.isPresent()) {
            Guild guild = shard.getGuildById(guildId.getAsLong());
            if (guild != null) {
                guild.updateCommands()
                        .addCommands(DiscordCommands.definition())
                        .queue(
                                done -> LOG.info("Discord: /masscast registered on guild {}", guild.getId()),
                                failed -> LOG.error(
                                        "Discord: /masscast could not be registered on guild {}: {}",
                                        guild.getId(),
                                        failed.getMessage()));
            } else if (shard.getShardInfo().getShardTotal() == 1) {
                LOG.warn(
                        "Discord: the bot is not in guild {} (DISCORD_GUILD_ID), so /masscast is not registered there: invite "
                                + "it with the link in the README",
                        guildId.getAsLong());
            }
            return;
        }
        if (shard.getShardInfo().getShardId() == 0) {
            shard.updateCommands()
                    .addCommands(DiscordCommands.definition())
                    .queue(
                            done -> LOG.info(
                                    "Discord: /masscast registered globally (Discord may take up to an hour to show it)"),
                            failed -> LOG.error("Discord: /masscast could not be registered: {}", failed.getMessage()));
        }
    }

    /** Every interaction gets an answer: one that failed unexpectedly is logged and the person told so. */
    private <E extends IReplyCallback> void guarded(String what, String kind, E event, Consumer<E> handler) {
        long start = System.nanoTime();
        try {
            if (accepting) {
                handler.accept(event);
            } else {
                DiscordAnswers.reply(event, DiscordMessage.privately(RESTARTING), what);
            }
        } catch (RuntimeException e) {
            LOG.error(
                    "Discord: {} by {} failed",
                    what,
                    event.getUser() == null ? "?" : event.getUser().getId(),
                    e);
            if (!event.isAcknowledged()) {
                DiscordAnswers.reply(event, DiscordMessage.privately(CommandAnswers.FAILED), what);
            }
        } finally {
            timed(kind, start);
        }
    }

    private void timed(String kind, long start) {
        observer.acknowledged(Platform.DISCORD, kind, Duration.ofNanos(System.nanoTime() - start));
    }
}
