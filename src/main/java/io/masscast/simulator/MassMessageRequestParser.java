package io.masscast.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates a create/replace body against OFAuth's schema constraints. Every failure is a 400 whose reason
 * starts with the offending field. List ids and upload references are checked later, against the account.
 */
final class MassMessageRequestParser {
    private static final int MAX_TEXT_LENGTH = 10_000;
    private static final BigDecimal MAX_PRICE = BigDecimal.valueOf(200);
    private static final BigDecimal MIN_PPV_PRICE = BigDecimal.valueOf(3);

    private final boolean rejectPriceBelowMinimum;

    MassMessageRequestParser(boolean rejectPriceBelowMinimum) {
        this.rejectPriceBelowMinimum = rejectPriceBelowMinimum;
    }

    MessageDraft parse(Map<String, Object> body, Instant now) {
        String text = text(body);
        List<MediaRef> media = mediaItems(body.get("mediaItems"));
        int previewMediaCount = nonNegativeInt(body, "previewMediaCount");
        // Assumption (not in OFAuth's schema): previews are the first N media, so N cannot exceed the media count.
        if (previewMediaCount > media.size()) {
            throw ApiError.badRequest(
                    "previewMediaCount: " + previewMediaCount + " exceeds the " + media.size() + " mediaItems");
        }
        bool(body, "isForwardedMessage", false);
        positiveInts(body, "userTags");
        List<String> userIds = ids(body, "userIds");
        List<String> userLists = ids(body, "userLists");
        // Assumption: OnlyFans needs recipients; OFAuth documents no rule, and masscast always sends an audience.
        if (userIds.isEmpty() && userLists.isEmpty()) {
            throw ApiError.badRequest("userIds/userLists: at least one recipient or list is required");
        }
        Instant scheduledDate = date(body, "scheduledDate");
        // Assumption: a scheduled date that is not in the future is refused rather than sent at once.
        if (scheduledDate != null && !scheduledDate.isAfter(now)) {
            throw ApiError.badRequest("scheduledDate: must be in the future (got " + body.get("scheduledDate") + ")");
        }
        return new MessageDraft(
                text,
                media,
                price(body.get("price")),
                previewMediaCount,
                bool(body, "isLockedText", false),
                bool(body, "isMarkdown", true),
                userIds,
                userLists,
                ids(body, "excludeUserLists"),
                date(body, "subscribedAfterDate"),
                scheduledDate);
    }

    private static String text(Map<String, Object> body) {
        Object value = body.get("text");
        if (value == null) {
            return "";
        }
        if (!(value instanceof String text)) {
            throw ApiError.badRequest("text: must be a string");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT_LENGTH) {
            throw ApiError.badRequest("text: must be at most " + MAX_TEXT_LENGTH + " characters (got " + length + ")");
        }
        return text;
    }

    private BigDecimal price(Object value) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
        }
        if (!(value instanceof Number number)) {
            throw ApiError.badRequest("price: must be a number");
        }
        BigDecimal price = BigDecimal.valueOf(number.doubleValue()).setScale(2, RoundingMode.HALF_UP);
        if (price.signum() < 0 || price.compareTo(MAX_PRICE) > 0) {
            throw ApiError.badRequest("price: must be between 0 and 200 (got " + show(value) + ")");
        }
        if (rejectPriceBelowMinimum && price.signum() > 0 && price.compareTo(MIN_PPV_PRICE) < 0) {
            throw ApiError.badRequest("price: must be 0 (free) or at least 3 (got " + show(value) + ")");
        }
        return price;
    }

    private static List<MediaRef> mediaItems(Object value) {
        List<MediaRef> refs = new ArrayList<>();
        List<?> items = array(value, "mediaItems");
        for (int i = 0; i < items.size(); i++) {
            refs.add(mediaRef(items.get(i), "mediaItems[" + i + "]"));
        }
        return refs;
    }

    private static MediaRef mediaRef(Object item, String field) {
        if (item instanceof Number number) {
            return new MediaRef.VaultId(positiveLong(number, field));
        }
        if (!(item instanceof String text) || text.isBlank()) {
            throw ApiError.badRequest(
                    field + ": must be a vault id, an upload reference or an http(s) URL (got " + show(item) + ")");
        }
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                long id = Long.parseLong(text);
                if (id > 0) {
                    return new MediaRef.VaultId(id);
                }
            } catch (NumberFormatException tooLong) {
                // reported below
            }
            throw ApiError.badRequest(field + ": not a valid vault id (got \"" + text + "\")");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            requireHost(text, field);
            return new MediaRef.ExternalUrl(text);
        }
        if (text.contains("://")) {
            throw ApiError.badRequest(field + ": only http and https URLs are accepted (got \"" + text + "\")");
        }
        return new MediaRef.UploadRef(text);
    }

    private static void requireHost(String url, String field) {
        try {
            if (new URI(url).getHost() != null) {
                return;
            }
        } catch (URISyntaxException invalid) {
            // reported below
        }
        throw ApiError.badRequest(field + ": not a valid URL (got \"" + url + "\")");
    }

    private static List<String> ids(Map<String, Object> body, String field) {
        List<?> items = array(body.get(field), field);
        List<String> ids = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String element = field + "[" + i + "]";
            if (item instanceof Number number) {
                ids.add(Long.toString(positiveLong(number, element)));
            } else if (item instanceof String text && !text.isBlank()) {
                ids.add(text.trim());
            } else {
                throw ApiError.badRequest(
                        element + ": must be a positive integer or a non-empty string (got " + show(item) + ")");
            }
        }
        return ids;
    }

    private static void positiveInts(Map<String, Object> body, String field) {
        List<?> items = array(body.get(field), field);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Number number)) {
                throw ApiError.badRequest(
                        field + "[" + i + "]: must be a positive integer (got " + show(items.get(i)) + ")");
            }
            positiveLong(number, field + "[" + i + "]");
        }
    }

    private static List<?> array(Object value, String field) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw ApiError.badRequest(field + ": must be an array");
        }
        return list;
    }

    private static long positiveLong(Number number, String field) {
        double value = number.doubleValue();
        if (value < 1 || value != Math.rint(value) || value > Long.MAX_VALUE) {
            throw ApiError.badRequest(field + ": must be a positive integer (got " + show(number) + ")");
        }
        return (long) value;
    }

    private static int nonNegativeInt(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Number number)
                || number.doubleValue() < 0
                || number.doubleValue() != Math.rint(number.doubleValue())
                || number.doubleValue() > Integer.MAX_VALUE) {
            throw ApiError.badRequest(field + ": must be an integer >= 0 (got " + show(value) + ")");
        }
        return number.intValue();
    }

    private static boolean bool(Map<String, Object> body, String field, boolean defaultValue) {
        Object value = body.get(field);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean flag)) {
            throw ApiError.badRequest(field + ": must be true or false (got " + show(value) + ")");
        }
        return flag;
    }

    private static Instant date(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            try {
                return OfDates.parse(text);
            } catch (DateTimeParseException invalid) {
                // reported below
            }
        }
        throw ApiError.badRequest(
                field + ": must be an ISO-8601 date-time such as 2025-07-04T18:00:00Z (got " + show(value) + ")");
    }

    /** A request value as the client wrote it: JSON numbers arrive as doubles, so 5 shows as 5, not 5.0. */
    private static String show(Object value) {
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return Long.toString(number.longValue());
        }
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
