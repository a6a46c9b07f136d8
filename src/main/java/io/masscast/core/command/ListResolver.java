package io.masscast.core.command;

import io.masscast.core.model.FanList;
import io.masscast.core.policy.Excerpt;
import io.masscast.core.policy.FieldError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns what people type for lists — ids or names, any case — into OFAuth list ids. An unknown name is a
 * field error that suggests the closest names.
 */
final class ListResolver {
    private static final int MAX_SUGGESTIONS = 3;

    record Resolved(List<String> ids, List<FieldError> errors) {}

    private ListResolver() {}

    static Resolved resolve(String field, List<String> items, List<FanList> lists) {
        List<String> ids = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (String raw : items) {
            String item = raw.strip();
            if (DraftParser.isNothing(raw)) {
                continue;
            }
            if (item.isEmpty()) {
                errors.add(
                        new FieldError(field, Excerpt.of(raw) + " is not a list name: it has no visible character."));
                continue;
            }
            List<FanList> byId = lists.stream().filter(l -> l.id().equals(item)).toList();
            List<FanList> byName =
                    lists.stream().filter(l -> l.name().equalsIgnoreCase(item)).toList();
            if (byId.size() == 1) {
                addOnce(ids, byId.get(0).id());
            } else if (byName.size() == 1) {
                addOnce(ids, byName.get(0).id());
            } else if (byName.size() > 1) {
                errors.add(new FieldError(
                        field,
                        "Several lists are called " + Excerpt.of(item) + "; use the id instead: "
                                + String.join(
                                        ", ", byName.stream().map(FanList::id).toList()) + "."));
            } else {
                errors.add(new FieldError(
                        field,
                        "No list called " + Excerpt.of(item) + "." + suggest(item, lists)
                                + " /masscast lists shows them all."));
            }
        }
        return new Resolved(ids, errors);
    }

    private static void addOnce(List<String> ids, String id) {
        if (!ids.contains(id)) {
            ids.add(id);
        }
    }

    private static String suggest(String item, List<FanList> lists) {
        String wanted = item.toLowerCase(Locale.ROOT);
        List<String> close = lists.stream()
                .map(FanList::name)
                .filter(name -> name.toLowerCase(Locale.ROOT).contains(wanted)
                        || wanted.contains(name.toLowerCase(Locale.ROOT))
                        || distance(name.toLowerCase(Locale.ROOT), wanted) <= Math.max(2, wanted.length() / 3))
                .sorted(Comparator.comparingInt(name -> distance(name.toLowerCase(Locale.ROOT), wanted)))
                .limit(MAX_SUGGESTIONS)
                .map(name -> "\"" + name + "\"")
                .toList();
        return close.isEmpty() ? "" : " Did you mean " + String.join(" or ", close) + "?";
    }

    /** Levenshtein distance, for "did you mean". */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
