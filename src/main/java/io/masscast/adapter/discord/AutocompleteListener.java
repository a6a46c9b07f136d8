package io.masscast.adapter.discord;

import io.masscast.adapter.common.BackgroundWork;
import io.masscast.adapter.common.FormChoices;
import io.masscast.core.command.CommandParam;
import io.masscast.core.command.FormOptions;
import io.masscast.core.command.Formats;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.FanList;
import io.masscast.core.text.Markup;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * Suggestions as an option is typed: the channel's recent campaigns, the creator's fan lists (several, separated
 * by commas: the last one is completed and the earlier ones kept), and time zones. They must come within Discord's
 * 3 seconds; suggestions that take longer are answered with none.
 */
final class AutocompleteListener {
    static final int MAX_CHOICES = OptionData.MAX_CHOICES;
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/"))
            .filter(zone -> !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .sorted()
            .toList();

    private final FormOptions options;
    private final BackgroundWork work;
    private final Duration budget;

    AutocompleteListener(FormOptions options, BackgroundWork work, Duration budget) {
        this.options = options;
        this.work = work;
        this.budget = budget;
    }

    void handle(CommandAutoCompleteInteractionEvent event) {
        AutoCompleteQuery focused = event.getFocusedOption();
        ChannelRef channel = DiscordUsers.channel(event);
        Optional<CommandParam.Kind> kind = DiscordCommands.spec(event.getSubcommandName()).stream()
                .flatMap(spec -> spec.params().stream())
                .filter(param -> param.name().equals(focused.getName()))
                .map(CommandParam::kind)
                .findFirst();
        String typed = focused.getValue() == null ? "" : focused.getValue();
        List<Command.Choice> choices = kind.map(k -> switch (k) {
                    case CAMPAIGN -> ready("campaign suggestions in " + channel, () -> campaigns(channel, typed));
                    case LISTS -> ready("list suggestions in " + channel, () -> lists(channel, typed));
                    case ZONE -> zones(typed);
                    default -> List.<Command.Choice>of();
                })
                .orElse(List.of());
        event.replyChoices(choices).queue(null, DiscordAnswers.failed("suggestions in " + channel, "choices"));
    }

    private List<Command.Choice> ready(String what, Supplier<List<Command.Choice>> suggest) {
        try {
            return BackgroundWork.await(work.submit(what, FormChoices.unlessOfAuthFails(what, suggest)), budget)
                    .orElse(List.of());
        } catch (RuntimeException unavailable) {
            return List.of(); // logged by the worker; Discord shows no suggestions
        }
    }

    private List<Command.Choice> campaigns(ChannelRef channel, String typed) {
        return options.campaigns(channel, typed, MAX_CHOICES).stream()
                .map(c -> new Command.Choice(
                        DiscordText.fit(Markup.plain(c.label()), OptionData.MAX_CHOICE_NAME_LENGTH), c.humanId()))
                .toList();
    }

    /** {@code VIP, Wh} suggests {@code VIP, Whales}: the last list is completed, the ones before it kept as typed. */
    private List<Command.Choice> lists(ChannelRef channel, String typed) {
        int comma = typed.lastIndexOf(',');
        String before = comma < 0 ? "" : typed.substring(0, comma + 1) + " ";
        String last = typed.substring(comma + 1).strip();
        List<Command.Choice> choices = new ArrayList<>();
        for (FanList list : options.lists(channel, last)) {
            String name = list.name().contains(",") || list.name().contains("\"")
                    ? "\"" + list.name().replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                    : list.name();
            String value = before + name;
            String label = value
                    + list.usersCount()
                            .map(n -> " (" + Formats.count(n) + " fans)")
                            .orElse("");
            if (value.length() <= OptionData.MAX_CHOICE_VALUE_LENGTH) {
                choices.add(new Command.Choice(DiscordText.fit(label, OptionData.MAX_CHOICE_NAME_LENGTH), value));
            }
            if (choices.size() == MAX_CHOICES) {
                break;
            }
        }
        return choices;
    }

    private static List<Command.Choice> zones(String typed) {
        String[] words = typed.strip().toLowerCase(Locale.ROOT).split("[\\s/_]+");
        return ZONES.stream()
                .filter(zone -> Arrays.stream(words)
                        .allMatch(word -> zone.toLowerCase(Locale.ROOT).contains(word)))
                .limit(MAX_CHOICES)
                .map(zone -> new Command.Choice(zone, zone))
                .toList();
    }
}
