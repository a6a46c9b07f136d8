package io.masscast.adapter.slack;

import com.slack.api.model.File;
import com.slack.api.model.view.ViewState;
import io.masscast.core.command.FieldValue;
import io.masscast.core.model.ChatFile;
import io.masscast.core.policy.Fields;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files attached in the compose form's file input. A {@code view_submission} names them (their ids in the input's
 * state); masscast asks Slack for each one's name, type and size ({@code files.info}, scope {@code files:read}) and
 * downloads it with the bot token only when it uploads it to OFAuth. Files attached to a thread message are not read:
 * that needs the Events API (message events) or channel history scopes, and a slash command carries no files.
 */
final class SlackFiles {
    private final SlackApi api;

    SlackFiles(SlackApi api) {
        this.api = api;
    }

    /** The form's attached files, described by Slack; empty when none were attached. */
    Optional<FieldValue> attached(ViewState state) {
        Map<String, ViewState.Value> actions = state == null || state.getValues() == null
                ? null
                : state.getValues().get(Fields.FILES);
        ViewState.Value input = actions == null ? null : actions.get(Fields.FILES);
        List<File> files = input == null || input.getFiles() == null ? List.of() : input.getFiles();
        if (files.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FieldValue.Files(files.stream()
                .map(file -> describe(MalformedPayload.require(file.getId(), "file id")))
                .toList()));
    }

    private ChatFile describe(String fileId) {
        File info = api.fileInfo(fileId);
        String download = info.getUrlPrivateDownload() != null ? info.getUrlPrivateDownload() : info.getUrlPrivate();
        return new ChatFile(
                info.getName() == null ? fileId : info.getName(),
                info.getMimetype(),
                info.getSize() == null ? 0 : info.getSize(),
                () -> api.download(download));
    }
}
