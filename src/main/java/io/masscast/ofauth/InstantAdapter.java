package io.masscast.ofauth;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.Instant;

/** Reads OFAuth's timestamps leniently and writes them as ISO-8601 UTC seconds (see {@link OfAuthDates}). */
final class InstantAdapter extends JsonAdapter<Instant> {

    @Override
    public Instant fromJson(JsonReader reader) throws IOException {
        String text = reader.nextString();
        try {
            return OfAuthDates.parse(text);
        } catch (IllegalArgumentException e) {
            throw new JsonDataException(e.getMessage() + " at " + reader.getPath(), e);
        }
    }

    @Override
    public void toJson(JsonWriter writer, Instant value) throws IOException {
        writer.value(OfAuthDates.format(value));
    }
}
