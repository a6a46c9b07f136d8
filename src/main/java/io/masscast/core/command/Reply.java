package io.masscast.core.command;

import io.masscast.core.policy.FieldError;
import java.util.List;
import java.util.Objects;

/** What a command answers; each adapter renders it its own way. Private replies are seen by the asker only. */
public sealed interface Reply {

    /** A line or paragraph of text. */
    record Text(String text, boolean isPrivate) implements Reply {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A card, e.g. the answer to {@code show}. */
    record CardReply(Card card, boolean isPrivate) implements Reply {
        public CardReply {
            Objects.requireNonNull(card, "card");
        }
    }

    /** The adapter should open the compose form (a Slack modal, shell prompts). */
    record Form(FormSpec spec) implements Reply {
        public Form {
            Objects.requireNonNull(spec, "spec");
        }
    }

    /** The input was wrong; each error names its field. Always private. */
    record Errors(List<FieldError> errors, FormSpec spec) implements Reply {
        public Errors {
            errors = List.copyOf(errors);
            Objects.requireNonNull(spec, "spec");
        }
    }

    /**
     * A card button that asks for confirmation first, for a platform whose buttons have no confirmation dialog
     * (Discord): show the confirmation (it restates what will happen, as the card shows it now) with a button
     * that does it. Always private.
     */
    record Confirm(CardAction action) implements Reply {
        public Confirm {
            Objects.requireNonNull(action, "action");
            if (action.confirm().isEmpty()) {
                throw new IllegalArgumentException("a button without a confirmation needs no confirm step");
            }
        }
    }

    static Reply privately(String text) {
        return new Text(text, true);
    }
}
