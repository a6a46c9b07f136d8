package io.masscast.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.MultiExternalSelectElement;
import com.slack.api.model.view.View;
import io.masscast.adapter.common.FormChoices;
import io.masscast.core.command.FormSpec;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import io.masscast.core.policy.Fields;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The two app manifests against the code: the slash command the listener answers, exactly the bot scopes the
 * Web API methods in {@link SlackApi#METHOD_SCOPES} need (plus {@code commands}), interactivity for buttons and
 * modals, the options URL the list search needs, and the transport flags.
 */
class SlackManifestTest {
    private static final Path SOCKET_MODE = Path.of("manifests/slack/app-manifest.yaml");
    private static final Path HTTP_MODE = Path.of("manifests/slack/app-manifest-http.yaml");

    @Test
    void bothManifestsDeclareTheSlashCommandTheListenerAnswers() throws IOException {
        for (Path manifest : List.of(SOCKET_MODE, HTTP_MODE)) {
            List<Map<String, Object>> commands = slashCommands(read(manifest));
            assertThat(commands).as(manifest.toString()).singleElement().satisfies(command -> {
                assertThat(command.get("command")).isEqualTo(SlashCommandListener.COMMAND);
                // SlackText.commandLine expects Slack's escaping: approvers=@bob arrives as <@U...|bob>
                assertThat(command.get("should_escape")).isEqualTo(true);
            });
        }
    }

    @Test
    void bothManifestsAskForExactlyTheScopesTheCodeNeeds() throws IOException {
        Set<String> needed = new HashSet<>(Set.of("commands"));
        SlackApi.METHOD_SCOPES.values().forEach(needed::addAll);

        for (Path manifest : List.of(SOCKET_MODE, HTTP_MODE)) {
            List<Object> scopes = list(map(map(read(manifest), "oauth_config"), "scopes"), "bot");
            assertThat(scopes)
                    .as(manifest.toString())
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(List.copyOf(needed));
            // the digest's chart is uploaded with the files upload API; the form's file input needs files:read
            assertThat(scopes).as(manifest.toString()).contains("files:write", "files:read");
        }
    }

    @Test
    void socketModeNeedsNoUrls() throws IOException {
        Map<String, Object> manifest = read(SOCKET_MODE);
        Map<String, Object> settings = map(manifest, "settings");

        assertThat(settings.get("socket_mode_enabled")).isEqualTo(true);
        assertThat(map(settings, "interactivity"))
                .containsEntry("is_enabled", true)
                .doesNotContainKeys("request_url", "message_menu_options_url");
        assertThat(slashCommands(manifest).get(0)).doesNotContainKey("url");
        assertThat(settings).doesNotContainKey("event_subscriptions");
    }

    @Test
    void httpModeSendsCommandsClicksAndSearchesToSlackEvents() throws IOException {
        Map<String, Object> manifest = read(HTTP_MODE);
        Map<String, Object> settings = map(manifest, "settings");
        Map<String, Object> interactivity = map(settings, "interactivity");

        assertThat(settings.get("socket_mode_enabled")).isEqualTo(false);
        assertThat(interactivity).containsEntry("is_enabled", true);
        assertThat(List.of(
                        interactivity.get("request_url"),
                        interactivity.get("message_menu_options_url"),
                        slashCommands(manifest).get(0).get("url")))
                .allSatisfy(url ->
                        assertThat(String.valueOf(url)).startsWith("https://").endsWith("/slack/events"));
    }

    @Test
    void theComposeFormCanSearchListsSoTheHttpManifestHasAnOptionsUrl() throws IOException {
        FormSpec spec = new FormSpec(
                Optional.empty(), "New mass message for Mila Rose", "Mila Rose", ZoneId.of("Europe/Berlin"), Map.of());
        View view = new ComposeModal()
                .render(spec, new ChannelRef(Platform.SLACK, "T1", "C1"), new FormChoices(Optional.empty(), List.of()));

        BlockElement listPicker = view.getBlocks().stream()
                .filter(InputBlock.class::isInstance)
                .map(InputBlock.class::cast)
                .filter(input -> input.getBlockId().equals(Fields.LISTS))
                .map(InputBlock::getElement)
                .findFirst()
                .orElseThrow();
        assertThat(listPicker).isInstanceOf(MultiExternalSelectElement.class);
        assertThat(map(map(read(HTTP_MODE), "settings"), "interactivity")).containsKey("message_menu_options_url");
        assertThat(ListSuggestionListener.LIST_PICKERS.matcher(Fields.LISTS).matches())
                .isTrue();
    }

    private static Map<String, Object> read(Path manifest) throws IOException {
        try (Reader reader = Files.newBufferedReader(manifest)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (List<Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> slashCommands(Map<String, Object> manifest) {
        return list(map(manifest, "features"), "slash_commands").stream()
                .map(c -> (Map<String, Object>) c)
                .toList();
    }
}
