package io.masscast.ofauth;

import static io.masscast.ofauth.OfAuthJson.isTrue;
import static io.masscast.ofauth.OfAuthJson.orZero;

import com.squareup.moshi.JsonDataException;
import io.masscast.core.model.MessageReceipt;
import java.time.Instant;

/** OFAuth's answer to a create or a replace. */
public record MassMessageReceiptJson(
        Long id,
        Instant date,
        Instant createdAt,
        Boolean isDone,
        Boolean canUnsend,
        Long unsendSeconds,
        Boolean hasError,
        Boolean isCanceled,
        Long total) {

    /**
     * {@code receivedAt} stands in for a missing {@code date}: once OFAuth has answered with an id, the
     * outcome is known, and refusing it over a timestamp would turn a sent message into an unknown one.
     */
    MessageReceipt toReceipt(Instant receivedAt) {
        if (id == null) {
            throw new JsonDataException("mass message answer without an id");
        }
        Instant when = date != null ? date : createdAt != null ? createdAt : receivedAt;
        return new MessageReceipt(
                id,
                when,
                isTrue(isDone),
                isTrue(canUnsend),
                orZero(unsendSeconds),
                isTrue(hasError),
                isTrue(isCanceled),
                total == null ? -1 : total);
    }
}
