package io.masscast.adapter.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.masscast.core.policy.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Block Kit JSON the way a test wants to look at it: inputs by block id, buttons by label. */
final class BlockKitJson {
    private BlockKitJson() {}

    /** The input blocks of a view, by block id, in order. */
    static Map<String, JsonObject> inputs(JsonObject view) {
        Map<String, JsonObject> inputs = new LinkedHashMap<>();
        for (JsonElement block : view.getAsJsonArray("blocks")) {
            JsonObject b = block.getAsJsonObject();
            if (b.get("type").getAsString().equals("input")) {
                inputs.put(b.get("block_id").getAsString(), b);
            }
        }
        return inputs;
    }

    static JsonObject element(JsonObject view, String blockId) {
        return inputs(view).get(blockId).getAsJsonObject("element");
    }

    /** Every button in a message's blocks, by its label. */
    static Map<String, JsonObject> buttons(JsonArray blocks) {
        Map<String, JsonObject> buttons = new LinkedHashMap<>();
        for (JsonElement block : blocks) {
            JsonObject b = block.getAsJsonObject();
            if (b.get("type").getAsString().equals("actions")) {
                for (JsonElement element : b.getAsJsonArray("elements")) {
                    JsonObject button = element.getAsJsonObject();
                    buttons.put(button.getAsJsonObject("text").get("text").getAsString(), button);
                }
            }
        }
        return buttons;
    }

    /** All text of a message's blocks, joined, for "the card says ..." assertions. */
    /** The id of the compose modal's list option named {@code name}. */
    static String listId(JsonObject view, String name) {
        for (JsonElement option : element(view, Fields.LISTS).getAsJsonArray("options")) {
            if (option.getAsJsonObject()
                    .getAsJsonObject("text")
                    .get("text")
                    .getAsString()
                    .startsWith(name + " (")) {
                return option.getAsJsonObject().get("value").getAsString();
            }
        }
        throw new AssertionError("no list " + name + " in the form");
    }

    static String text(JsonArray blocks) {
        List<String> texts = new ArrayList<>();
        collect(blocks, texts);
        return String.join("\n", texts);
    }

    static List<String> strings(JsonArray array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.getAsJsonObject().get(field).getAsString()));
        return values;
    }

    private static void collect(JsonElement element, List<String> texts) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(child -> collect(child, texts));
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            if (object.has("text") && object.get("text").isJsonPrimitive()) {
                texts.add(object.get("text").getAsString());
            }
            object.entrySet().forEach(e -> {
                if (!e.getKey().equals("text") || !e.getValue().isJsonPrimitive()) {
                    collect(e.getValue(), texts);
                }
            });
        }
    }
}
