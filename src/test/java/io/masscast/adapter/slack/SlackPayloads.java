package io.masscast.adapter.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Payloads as Slack sends them: a slash command (form fields), button clicks, modal submissions and menu
 * searches (JSON, form-encoded as {@code payload=} over HTTP). Modal payloads are built from the view masscast
 * actually opened, so they carry its real {@code private_metadata}.
 */
final class SlackPayloads {
    static final String TEAM = FakeSlackApi.TEAM;
    static final String CHANNEL = "C0CARDS";

    private SlackPayloads() {}

    static Map<String, String> slashCommand(String userId, String text, String triggerId, String responseUrl) {
        return slashCommand(CHANNEL, userId, text, triggerId, responseUrl);
    }

    /** As typed in {@code channelId}. */
    static Map<String, String> slashCommand(
            String channelId, String userId, String text, String triggerId, String responseUrl) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "legacy-verification-token");
        fields.put("team_id", TEAM);
        fields.put("team_domain", "masscast-test");
        fields.put("channel_id", channelId);
        fields.put("channel_name", "mila-rose");
        fields.put("user_id", userId);
        fields.put("user_name", userId.substring(1).toLowerCase(Locale.ROOT));
        fields.put("command", "/masscast");
        fields.put("text", text);
        fields.put("api_app_id", "A0MASSCAST");
        fields.put("response_url", responseUrl);
        fields.put("trigger_id", triggerId);
        return fields;
    }

    /** The slash command as Socket Mode delivers it: the same fields, as JSON. */
    static JsonObject slashCommandJson(String userId, String text, String triggerId, String responseUrl) {
        JsonObject json = new JsonObject();
        slashCommand(userId, text, triggerId, responseUrl).forEach(json::addProperty);
        return json;
    }

    static JsonObject buttonClick(String userId, String actionId, String value, String triggerId, String responseUrl) {
        return buttonClick(CHANNEL, userId, actionId, value, triggerId, responseUrl);
    }

    /** A click on a button of a message in {@code channelId}. */
    static JsonObject buttonClick(
            String channelId, String userId, String actionId, String value, String triggerId, String responseUrl) {
        JsonObject action = new JsonObject();
        action.addProperty("type", "button");
        action.addProperty("block_id", CardRenderer.ACTIONS_BLOCK);
        action.addProperty("action_id", actionId);
        action.addProperty("value", value);
        action.addProperty("action_ts", "1770000000.123456");
        JsonArray actions = new JsonArray();
        actions.add(action);
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", "1770000000.000100");
        container.addProperty("channel_id", channelId);
        JsonObject payload = base("block_actions", userId);
        payload.add("container", container);
        payload.add("channel", object("id", channelId, "name", "mila-rose"));
        payload.addProperty("trigger_id", triggerId);
        payload.addProperty("response_url", responseUrl);
        payload.add("actions", actions);
        return payload;
    }

    /**
     * A submission of {@code openedView} (as passed to {@code views.open}) with these input values; as in Slack,
     * every other input block of the view is in the state too, without a value.
     */
    static JsonObject viewSubmission(String userId, JsonObject openedView, Map<String, JsonObject> inputs) {
        JsonObject values = new JsonObject();
        BlockKitJson.inputs(openedView)
                .forEach((blockId, block) -> values.add(
                        blockId,
                        object(
                                blockId,
                                inputs.getOrDefault(
                                        blockId,
                                        object(
                                                "type",
                                                block.getAsJsonObject("element")
                                                        .get("type")
                                                        .getAsString())))));
        inputs.keySet().stream()
                .filter(blockId -> !values.has(blockId))
                .forEach(blockId -> values.add(blockId, object(blockId, inputs.get(blockId))));
        JsonObject state = new JsonObject();
        state.add("values", values);
        JsonObject view = openedView.deepCopy();
        view.addProperty("id", "V0SUBMITTED");
        view.addProperty("team_id", TEAM);
        view.add("state", state);
        JsonObject payload = base("view_submission", userId);
        payload.addProperty("trigger_id", "trigger-submit");
        payload.add("view", view);
        return payload;
    }

    static JsonObject listSearch(String userId, String actionId, String query, JsonObject openedView) {
        JsonObject payload = base("block_suggestion", userId);
        payload.addProperty("action_id", actionId);
        payload.addProperty("block_id", actionId);
        payload.addProperty("value", query);
        JsonObject view = openedView.deepCopy();
        view.addProperty("id", "V0OPEN");
        payload.add("view", view);
        return payload;
    }

    static JsonObject text(String value) {
        return object("type", "plain_text_input", "value", value);
    }

    static JsonObject number(String value) {
        return object("type", "number_input", "value", value);
    }

    static JsonObject selected(String type, String... values) {
        JsonArray options = new JsonArray();
        for (String value : values) {
            JsonObject option = object("value", value);
            option.add("text", object("type", "plain_text", "text", value));
            options.add(option);
        }
        JsonObject json = object("type", type);
        json.add("selected_options", options);
        return json;
    }

    /** A single-choice menu's pick. */
    static JsonObject option(String value) {
        JsonObject option = object("value", value);
        option.add("text", object("type", "plain_text", "text", value));
        JsonObject json = object("type", "static_select");
        json.add("selected_option", option);
        return json;
    }

    static JsonObject date(String isoDate) {
        return object("type", "datepicker", "selected_date", isoDate);
    }

    static JsonObject dateTime(long epochSeconds) {
        JsonObject json = object("type", "datetimepicker");
        json.addProperty("selected_date_time", epochSeconds);
        return json;
    }

    static JsonObject checked(boolean yes) {
        return yes ? selected("checkboxes", ComposeModal.YES) : selected("checkboxes");
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** An interactive payload as Slack posts it over HTTP. */
    static String form(JsonObject payload) {
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    private static JsonObject base(String type, String userId) {
        JsonObject payload = new JsonObject();
        payload.addProperty("type", type);
        payload.add("team", object("id", TEAM, "domain", "masscast-test"));
        JsonObject user = object(
                "id",
                userId,
                "username",
                userId.substring(1).toLowerCase(Locale.ROOT),
                "name",
                userId.substring(1).toLowerCase(Locale.ROOT));
        user.addProperty("team_id", TEAM);
        payload.add("user", user);
        payload.addProperty("api_app_id", "A0MASSCAST");
        payload.addProperty("token", "legacy-verification-token");
        return payload;
    }

    private static JsonObject object(String... keyValues) {
        JsonObject json = new JsonObject();
        for (int i = 0; i < keyValues.length; i += 2) {
            json.addProperty(keyValues[i], keyValues[i + 1]);
        }
        return json;
    }

    private static JsonObject object(String key, JsonElement value) {
        JsonObject json = new JsonObject();
        json.add(key, value);
        return json;
    }
}
