package io.masscast.adapter.shell;

import io.masscast.core.command.CommandRouter;
import io.masscast.core.command.FormSpec;
import io.masscast.core.command.RawValue;
import io.masscast.core.policy.Excerpt;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compose form in a terminal: asks for each field in turn (Enter keeps the shown value), and after a
 * refused submission asks again only for the fields that have errors, showing each error first.
 */
final class FormPrompter {
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry(Fields.TEXT, "message text (\\n for a new line)"),
            Map.entry(Fields.LISTS, "lists to send to: names or ids, comma-separated"),
            Map.entry(Fields.EXCLUDE, "lists to exclude"),
            Map.entry(Fields.USERS, "specific fan ids, comma-separated"),
            Map.entry(Fields.SUBSCRIBED_AFTER, "only fans subscribed after YYYY-MM-DD"),
            Map.entry(Fields.MEDIA, "vault ids, upload references or https links, comma-separated"),
            Map.entry(Fields.PREVIEW, "how many of the first media are free previews"),
            Map.entry(Fields.PRICE, "PPV price 3.00–200.00, or 0 for free"),
            Map.entry(Fields.LOCKED, "lock the text behind the price? yes/no"),
            Map.entry(Fields.MARKDOWN, "format the text as markdown? yes/no"),
            Map.entry(Fields.AT, "send time (creator's zone): 2026-03-21 20:00, tomorrow 9:30, in 2h — empty sends on approval"));

    private final ShellInput in;
    private final ShellConsole console;

    FormPrompter(ShellInput in, ShellConsole console) {
        this.in = in;
        this.console = console;
    }

    /** Asks every field; empty if input ended or the user typed /cancel. */
    Optional<Map<String, RawValue>> askAll(FormSpec spec) {
        console.print(spec.title() + " (" + spec.creatorName() + ", times in " + spec.zone().getId()
                + "). Enter keeps the value in [brackets]; /cancel stops.");
        return ask(spec, Fields.ALL, List.of(), new LinkedHashMap<>());
    }

    /** Asks again for the fields with errors, keeping the other answers. */
    Optional<Map<String, RawValue>> askAgain(FormSpec spec, List<FieldError> errors, Map<String, RawValue> answers) {
        List<String> fields = Fields.ALL.stream().filter(f -> errors.stream().anyMatch(e -> e.field().equals(f))).toList();
        errors.stream().filter(e -> !Fields.ALL.contains(e.field())).forEach(e -> console.print("  ! " + e.message()));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return ask(spec, fields, errors, new LinkedHashMap<>(answers));
    }

    private Optional<Map<String, RawValue>> ask(FormSpec spec, List<String> fields, List<FieldError> errors,
                                                Map<String, RawValue> answers) {
        for (String field : fields) {
            errors.stream().filter(e -> e.field().equals(field)).forEach(e -> console.print("  ! " + e.message()));
            String current = answers.containsKey(field) ? answers.get(field).joined() : spec.value(field);
            console.print("  " + field + " — " + HINTS.get(field) + (current.isEmpty() ? "" : " [" + shown(current) + "]") + ":");
            Optional<String> line = in.readLine("  > ", CommandRouter.MAX_LINE_LENGTH);
            if (line.isEmpty() || line.get().strip().equals("/cancel")) {
                console.print("Form cancelled; nothing was stored.");
                return Optional.empty();
            }
            String typed = line.get().strip();
            String value = typed.isEmpty() ? current : typed;
            answers.put(field, field.equals(Fields.TEXT) ? RawValue.of(value.replace("\\n", "\n")) : RawValue.parse(value));
        }
        return Optional.of(answers);
    }

    /** The value in the brackets: as it is when short and plain, else an excerpt (never a whole refused value). */
    private static String shown(String value) {
        String excerpt = Excerpt.of(value);
        return excerpt.equals("\"" + value + "\"") ? value : excerpt;
    }
}
