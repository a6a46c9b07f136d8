package io.masscast.adapter.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockSuggestionPayload;
import com.slack.api.app_backend.interactive_components.response.BlockSuggestionResponse;
import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.bolt.context.builtin.BlockSuggestionContext;
import com.slack.api.bolt.handler.builtin.BlockSuggestionHandler;
import com.slack.api.bolt.request.builtin.BlockSuggestionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.composition.OptionObject;
import io.masscast.adapter.common.BackgroundWork;
import io.masscast.adapter.common.FormChoices;
import io.masscast.core.command.FormOptions;
import io.masscast.core.model.FanList;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The list pickers of the compose modal when they search as the user types (more lists than a static menu
 * holds, or the lists were not loaded in time): the creator's lists whose name contains the query.
 */
final class ListSuggestionListener implements BlockSuggestionHandler {
    static final Pattern LIST_PICKERS = Pattern.compile("lists|exclude");
    private static final int MAX_OPTIONS = 100;

    private final FormOptions options;
    private final BackgroundWork work;
    private final Duration budget;

    ListSuggestionListener(FormOptions options, BackgroundWork work, Duration budget) {
        this.options = options;
        this.work = work;
        this.budget = budget;
    }

    @Override
    public Response apply(BlockSuggestionRequest request, BlockSuggestionContext ctx) {
        BlockSuggestionPayload payload = request.getPayload();
        ComposeModal.Context form = ComposeModal.Context.decode(
                MalformedPayload.require(payload.getView(), "view").getPrivateMetadata());
        String query = payload.getValue() == null ? "" : payload.getValue();
        List<FanList> found;
        try {
            found = BackgroundWork.await(
                            work.submit(
                                    "list search for " + form.channel(),
                                    FormChoices.unlessOfAuthFails(
                                            "lists to search for " + form.channel(),
                                            () -> options.lists(form.channel(), query))),
                            budget)
                    .orElse(List.of());
        } catch (RuntimeException unavailable) {
            found = List.of(); // logged by the worker; the picker shows no matches
        }
        List<Option> matches = found.stream()
                .limit(MAX_OPTIONS)
                .map(ComposeModal::listOption)
                .map(ListSuggestionListener::asSuggestion)
                .toList();
        return ctx.ack(BlockSuggestionResponse.builder().options(matches).build());
    }

    private static Option asSuggestion(OptionObject option) {
        return new Option(option.getText(), option.getValue());
    }
}
