package io.masscast.adapter.slack;

import io.masscast.adapter.common.BackgroundWork;
import io.masscast.adapter.common.FormChoices;
import io.masscast.core.command.FormOptions;
import io.masscast.core.command.FormSpec;
import io.masscast.core.model.ChannelRef;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the compose modal for a form the core asked for, inside the trigger's 3-second window. */
final class FormOpener {
    private static final Logger LOG = LoggerFactory.getLogger(FormOpener.class);

    private final SlackApi api;
    private final FormOptions options;
    private final BackgroundWork work;
    private final ComposeModal modal;
    private final Duration choicesBudget;

    FormOpener(SlackApi api, FormOptions options, BackgroundWork work, ComposeModal modal, Duration choicesBudget) {
        this.api = api;
        this.options = options;
        this.work = work;
        this.modal = modal;
        this.choicesBudget = choicesBudget;
    }

    /** Opens the form; if Slack refuses, the private message to show instead. */
    Optional<SlackMessage> open(String triggerId, FormSpec spec, ChannelRef channel) {
        FormChoices choices = FormChoices.load(options, channel, work, choicesBudget);
        try {
            api.openView(MalformedPayload.require(triggerId, "trigger_id"), modal.render(spec, channel, choices));
            return Optional.empty();
        } catch (SlackCallFailed e) {
            LOG.warn("Compose form for {} not opened: {}", channel, e.getMessage());
            return Optional.of(
                    SlackMessage.privately("Slack did not open the form (" + e.error() + "). Please try again."));
        }
    }
}
