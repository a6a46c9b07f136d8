package io.masscast.ofauth;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import okio.BufferedSink;

/**
 * Money as OFAuth sends it: a JSON number ({@code 12.5}) or a string ({@code "12.50"}); an empty string
 * reads as absent. Written as a plain JSON number, keeping the scale ({@code 12.50}).
 */
final class DecimalAdapter extends JsonAdapter<BigDecimal> {

    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
        String text = reader.nextString().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new JsonDataException("not a number: \"" + text + "\" at " + reader.getPath(), e);
        }
    }

    @Override
    public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
        try (BufferedSink sink = writer.valueSink()) {
            sink.writeUtf8(value.toPlainString());
        }
    }
}
