package io.masscast.adapter.discord;

import io.masscast.core.command.CommandCatalog;
import io.masscast.core.command.CommandParam;
import io.masscast.core.command.CommandSpec;
import io.masscast.core.command.FieldValue;
import io.masscast.core.command.RawValue;
import io.masscast.core.policy.Fields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.data.DataArray;

/**
 * {@code /masscast} on Discord: one slash command whose subcommands are the core's {@link CommandCatalog}, each
 * argument a typed option (numbers, yes/no, text; campaign ids, fan lists and time zones complete as they are
 * typed; a file to attach is an attachment option). Options are read back as the core's typed values and handed over
 * as they are.
 */
final class DiscordCommands {
    static final String NAME = "masscast";
    static final String DESCRIPTION = "Compose, approve and follow OnlyFans mass messages";
    /** Discord's longest string option; a message text fits. */
    static final int TEXT_OPTION_MAX = OptionData.MAX_STRING_OPTION_LENGTH;

    /** What a subcommand was given: its positional arguments in order, and the named ones typed. */
    record Arguments(List<String> positional, Map<String, FieldValue> named) {}

    private DiscordCommands() {}

    static SlashCommandData definition() {
        SlashCommandData command = Commands.slash(NAME, DESCRIPTION).setContexts(InteractionContextType.GUILD);
        for (CommandSpec spec : CommandCatalog.ALL) {
            SubcommandData sub =
                    new SubcommandData(spec.name(), DiscordText.fit(spec.summary(), OptionData.MAX_DESCRIPTION_LENGTH));
            spec.params().forEach(param -> sub.addOptions(option(param)));
            command.addSubcommands(sub);
        }
        return command;
    }

    /** The exact JSON masscast registers (the body of Discord's bulk-overwrite of application commands). */
    static String json() {
        return DataArray.empty().add(definition().toData()).toPrettyString();
    }

    static Optional<CommandSpec> spec(String subcommand) {
        return CommandCatalog.ALL.stream()
                .filter(spec -> spec.name().equals(subcommand))
                .findFirst();
    }

    /** The options of an invocation of {@code spec}, as the core's arguments. */
    static Arguments arguments(CommandSpec spec, List<OptionMapping> options) {
        List<String> positional = new ArrayList<>();
        Map<String, FieldValue> named = new LinkedHashMap<>();
        for (CommandParam param : spec.params()) {
            Optional<OptionMapping> given = options.stream()
                    .filter(o -> o.getName().equals(param.name()))
                    .findFirst();
            if (given.isEmpty()) {
                continue;
            }
            OptionMapping option = given.get();
            if (param.positional()) {
                positional.add(DiscordText.typed(option.getAsString()).strip());
                continue;
            }
            named.put(
                    param.name(),
                    switch (param.kind()) {
                        case WHOLE -> new FieldValue.Count(option.getAsLong());
                        case MONEY -> new FieldValue.Amount(BigDecimal.valueOf(option.getAsDouble()));
                        case FLAG -> new FieldValue.Flag(option.getAsBoolean());
                        case LISTS, ITEMS, PEOPLE -> RawValue.parse(DiscordText.typed(option.getAsString()));
                        case FILES -> new FieldValue.Files(List.of(DiscordFiles.of(option.getAsAttachment())));
                        default ->
                            RawValue.of(
                                    param.name().equals(Fields.TEXT)
                                            ? option.getAsString()
                                            : option.getAsString().strip());
                    });
        }
        return new Arguments(positional, named);
    }

    private static OptionData option(CommandParam param) {
        OptionData option = new OptionData(
                type(param.kind()),
                param.name(),
                DiscordText.fit(param.description(), OptionData.MAX_DESCRIPTION_LENGTH),
                param.required());
        switch (param.kind()) {
            case CAMPAIGN, LISTS, ZONE -> option.setAutoComplete(true);
            case WHOLE -> option.setRequiredRange(param.min(), param.max());
            case MONEY -> option.setRequiredRange((double) param.min(), (double) param.max());
            case REASON -> option.setMaxLength(DiscordRejectModal.REASON_MAX);
            default -> {
                // text takes Discord's longest string
            }
        }
        return option;
    }

    private static OptionType type(CommandParam.Kind kind) {
        return switch (kind) {
            case WHOLE -> OptionType.INTEGER;
            case MONEY -> OptionType.NUMBER;
            case FLAG -> OptionType.BOOLEAN;
            case FILES -> OptionType.ATTACHMENT;
            default -> OptionType.STRING;
        };
    }
}
