package io.masscast.ofauth;

import com.squareup.moshi.Moshi;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The Moshi set-up for OFAuth's JSON: DTO records are read by Moshi's record support (unknown fields
 * skipped, absent fields null, numbers accepted where strings are declared and the other way round);
 * the adapters here add dates, money and the two listing shapes.
 */
final class OfAuthJson {

    private OfAuthJson() {}

    static Moshi moshi() {
        return new Moshi.Builder()
                .add(Instant.class, new InstantAdapter().nullSafe())
                .add(BigDecimal.class, new DecimalAdapter().nullSafe())
                .add(new ListingAdapterFactory())
                .build();
    }

    static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
