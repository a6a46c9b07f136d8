package io.masscast.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shapes a mass message takes: the create/replace answer, the message object (GET), the queue object
 * (DELETE) and the analytics item. Only the queue object and analytics items carry counters.
 * {@code text} is OnlyFans' rendered HTML, {@code rawText} the text as sent (assumption: OnlyFans renders
 * markdown to HTML; the simulator only escapes and wraps it in a paragraph).
 */
final class MessageRenderer {
    private static final int CROPPED_LENGTH = 50;

    private final MessageTimeline timeline;

    MessageRenderer(MessageTimeline timeline) {
        this.timeline = timeline;
    }

    Map<String, Object> created(CreatorAccount account, MassMessage message, Instant now) {
        MessageStatus status = timeline.status(message, account.population(), now);
        return Json.object(
                "id", message.id(),
                "date", OfDates.onlyFans(message.createdAt()),
                "isReady", true,
                "isDone", status.done(),
                "total", status.total(),
                "pending", status.pending(),
                "canUnsend", status.canUnsend(),
                "unsendSeconds", status.unsendSeconds(),
                "hasError", false,
                "isCanceled", status.canceled(),
                "isCouplePeopleMedia", false);
    }

    Map<String, Object> message(CreatorAccount account, MassMessage message, Instant now) {
        MessageStatus status = timeline.status(message, account.population(), now);
        MessageContent content = message.content();
        return Json.object(
                "id",
                message.id(),
                "text",
                html(content.text()),
                "fromUser",
                Json.object(
                        "id",
                        account.creator().userId(),
                        "name",
                        account.creator().name()),
                "media",
                content.media().stream().map(MediaRenderer::media).toList(),
                "previews",
                content.previews().stream().map(VaultMedia::id).toList(),
                "isMediaReady",
                true,
                "mediaCount",
                content.media().size(),
                "lockedText",
                content.lockedText(),
                "responseType",
                "message",
                "giphyId",
                null,
                "isFree",
                content.free(),
                "price",
                content.price().toPlainString(),
                "isTip",
                false,
                "isReportedByMe",
                false,
                "isCouplePeopleMedia",
                false,
                "queueId",
                message.id(),
                "isMarkdownDisabled",
                !content.markdown(),
                "releaseForms",
                List.of(),
                "isFromQueue",
                true,
                "canUnsendQueue",
                status.canUnsend(),
                "unsendSecondsQueue",
                status.unsendSeconds(),
                "isOpened",
                false,
                "isNew",
                false,
                "createdAt",
                OfDates.onlyFans(message.createdAt()),
                "changedAt",
                OfDates.onlyFans(message.changedAt()),
                "cancelSeconds",
                status.unsendSeconds(),
                "isLiked",
                false,
                "canPurchase",
                false,
                "canPurchaseReason",
                "own_message",
                "canReport",
                false,
                "canBePinned",
                false,
                "isPinned",
                false);
    }

    Map<String, Object> queue(CreatorAccount account, MassMessage message, Instant now) {
        Map<String, Object> json = message(account, message, now);
        json.put("date", OfDates.onlyFans(message.sendAt()));
        json.put("textCropped", cropped(message.content().text()));
        json.put("mediaTypes", mediaTypes(message.content()));
        putCounters(json, message, timeline.status(message, account.population(), now));
        return json;
    }

    Map<String, Object> analyticsItem(CreatorAccount account, MassMessage message, Instant now) {
        MessageContent content = message.content();
        Map<String, Object> json = Json.object(
                "id", message.id(),
                "date", OfDates.onlyFans(message.sendAt()),
                "text", html(content.text()),
                "rawText", content.text(),
                "responseType", "message",
                "giphyId", null,
                "isFree", content.free(),
                "isMediaReady", true,
                "mediaCount", content.media().size(),
                "media", content.media().stream().map(MediaRenderer::media).toList(),
                "previews",
                        content.previews().stream().map(MediaRenderer::media).toList(),
                "isTip", false,
                "isReportedByMe", false,
                "releaseForms", List.of(),
                "template", null);
        putCounters(json, message, timeline.status(message, account.population(), now));
        return json;
    }

    /** Everything the simulator knows about a message, for {@code GET /_sim/messages}. */
    Map<String, Object> inspection(CreatorAccount account, MassMessage message, Instant now) {
        MessageStatus status = timeline.status(message, account.population(), now);
        return Json.object(
                "connectionId", account.connectionId(),
                "id", message.id(),
                "state", status.state().name(),
                "seeded", message.seeded(),
                "text", message.content().text(),
                "price", message.content().price().toPlainString(),
                "mediaIds",
                        message.content().media().stream().map(VaultMedia::id).toList(),
                "previewMediaCount", message.content().previewCount(),
                "scheduledDate", OfDates.ofAuth(message.content().scheduledDate()),
                "createdAt", OfDates.ofAuth(message.createdAt()),
                "sendAt", OfDates.ofAuth(message.sendAt()),
                "canceledAt", OfDates.ofAuth(message.canceledAt()),
                "audienceSize", message.audience().size(),
                "sentCount", status.sent(),
                "viewedCount", status.viewed(),
                "purchasedCount", status.purchased(),
                "canUnsend", status.canUnsend(),
                "unsendSeconds", status.unsendSeconds());
    }

    private static void putCounters(Map<String, Object> json, MassMessage message, MessageStatus status) {
        json.put("sentCount", status.sent());
        json.put("viewedCount", status.viewed());
        json.put("purchasedCount", status.purchased());
        json.put("isCanceled", status.canceled());
        json.put("canUnsend", status.canUnsend());
        json.put("unsendSeconds", status.unsendSeconds());
        json.put("hasError", false);
        json.put("price", message.content().price().toPlainString());
        json.put("canSendMessageToBuyers", status.purchased() > 0);
    }

    private static Map<String, Integer> mediaTypes(MessageContent content) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (MediaType type : MediaType.values()) {
            counts.put(type.wireName(), 0);
        }
        content.media().forEach(media -> counts.merge(media.type().wireName(), 1, Integer::sum));
        return counts;
    }

    private static String html(String text) {
        if (text.isEmpty()) {
            return "";
        }
        String escaped = text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("\n", "<br />");
        return "<p>" + escaped + "</p>";
    }

    private static String cropped(String text) {
        int length = text.codePointCount(0, text.length());
        return length <= CROPPED_LENGTH ? text : text.substring(0, text.offsetByCodePoints(0, CROPPED_LENGTH)) + "…";
    }
}
