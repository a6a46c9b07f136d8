package io.masscast.adapter.shell;

import io.masscast.core.command.CommandRouter;
import io.masscast.core.command.ComposeForm;
import io.masscast.core.command.FormField;
import io.masscast.core.command.FormSpec;
import io.masscast.core.command.FormValues;
import io.masscast.core.command.RawValue;
import io.masscast.core.policy.Excerpt;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The compose form in a terminal, laid out from the core's {@link ComposeForm}: asks for each field in turn
 * (Enter keeps the shown value: the field is left as it is), and after a refused submission asks again only for
 * the fields that have errors, showing each error first.
 */
final class FormPrompter {
    private final ShellInput in;
    private final ShellConsole console;

    FormPrompter(ShellInput in, ShellConsole console) {
        this.in = in;
        this.console = console;
    }

    /**
     * Asks the message's fields, then whether it is an A/B test and, if so, the variants' fields (a new message only);
     * empty if input ended or the user typed /cancel. A field asked for only on request is asked when an answer is
     * refused on it.
     */
    Optional<Map<String, RawValue>> askAll(FormSpec spec) {
        console.print(spec.title() + " (" + spec.creatorName() + ", times in "
                + spec.zone().getId() + "). Enter keeps the value in [brackets]; /cancel stops.");
        List<String> message = ComposeForm.of(FormField.Group.MESSAGE).stream()
                .map(FormField::key)
                .toList();
        Optional<Map<String, RawValue>> answers = ask(spec, message, List.of(), new LinkedHashMap<>());
        if (answers.isEmpty() || spec.isEdit()) {
            return answers;
        }
        // the test's fields only once the split says there is one: most messages are not tests
        Optional<Map<String, RawValue>> split = ask(spec, List.of(Fields.SPLIT), List.of(), answers.get());
        if (split.isEmpty() || !split.get().containsKey(Fields.SPLIT)) {
            return split;
        }
        return ask(
                spec,
                ComposeForm.of(FormField.Group.AB_TEST).stream()
                        .map(FormField::key)
                        .filter(key -> !key.equals(Fields.SPLIT))
                        .toList(),
                List.of(),
                split.get());
    }

    /** Asks again for the fields with errors, keeping the other answers. */
    Optional<Map<String, RawValue>> askAgain(FormSpec spec, List<FieldError> errors, Map<String, RawValue> answers) {
        List<String> fields = Fields.ALL.stream()
                .filter(f -> errors.stream().anyMatch(e -> e.field().equals(f)))
                .toList();
        errors.stream().filter(e -> !Fields.ALL.contains(e.field())).forEach(e -> console.print("  ! " + e.message()));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return ask(spec, fields, errors, new LinkedHashMap<>(answers));
    }

    private Optional<Map<String, RawValue>> ask(
            FormSpec spec, List<String> fields, List<FieldError> errors, Map<String, RawValue> answers) {
        for (String key : fields) {
            FormField field = ComposeForm.field(key);
            errors.stream().filter(e -> e.field().equals(key)).forEach(e -> console.print("  ! " + e.message()));
            String current =
                    answers.containsKey(key) ? FormValues.typed(key, answers.get(key), spec.zone()) : spec.typed(key);
            spec.note(key).ifPresent(note -> console.print("  (" + note + ")"));
            console.print("  " + key + " — " + field.label() + zoneNote(field, spec) + ": " + field.typing()
                    + (current.isEmpty() ? "" : " [" + shown(current.replace("\n", "\\n")) + "]") + ":");
            Optional<String> line = in.readLine("  > ", CommandRouter.MAX_LINE_LENGTH);
            if (line.isEmpty() || line.get().strip().equals("/cancel")) {
                console.print("Form cancelled; nothing was stored.");
                return Optional.empty();
            }
            String typed = line.get().strip();
            if (!typed.isEmpty() && !choiceOf(field, typed)) {
                // a choice is checked at once: the prompts that follow depend on it (the split's variant fields)
                console.print("  ! " + Excerpt.of(typed) + " is not one of: "
                        + field.choices().stream()
                                .map(c -> c.value().isEmpty() ? "empty (" + c.label() + ")" : c.value())
                                .collect(Collectors.joining(", "))
                        + ".");
                return ask(spec, fields.subList(fields.indexOf(key), fields.size()), List.of(), answers);
            }
            if (!typed.isEmpty()) {
                answers.put(
                        key,
                        field.kind() == FormField.Kind.TEXT
                                ? RawValue.of(typed.replace("\\n", "\n"))
                                : RawValue.parse(typed));
            }
        }
        return Optional.of(answers);
    }

    /** Whether {@code typed} may be given to the field: any text, or for a choice one of its values. */
    private static boolean choiceOf(FormField field, String typed) {
        return field.kind() != FormField.Kind.CHOICE
                || field.choices().stream().anyMatch(c -> c.value().equalsIgnoreCase(typed));
    }

    /** Days and times are read in the creator's zone; the prompt says which. */
    private static String zoneNote(FormField field, FormSpec spec) {
        return field.kind() == FormField.Kind.SEND_TIME || field.kind() == FormField.Kind.DAY
                ? " (" + spec.zone().getId() + (field.kind() == FormField.Kind.SEND_TIME ? "; empty: on approval" : "")
                        + ")"
                : "";
    }

    /** The value in the brackets: as it is when short and plain, else an excerpt (never a whole refused value). */
    private static String shown(String value) {
        String excerpt = Excerpt.of(value);
        return excerpt.equals("\"" + value + "\"") ? value : excerpt;
    }
}
