package io.masscast.ofauth;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;

/** Reads a {@link ListingJson} from the documented object or from a bare JSON array (the guide's user lists). */
final class ListingAdapterFactory implements JsonAdapter.Factory {

    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        if (!(type instanceof ParameterizedType parameterized)
                || parameterized.getRawType() != ListingJson.class
                || !annotations.isEmpty()) {
            return null;
        }
        JsonAdapter<ListingJson<Object>> object = moshi.nextAdapter(this, type, annotations);
        JsonAdapter<List<Object>> array = moshi.adapter(
                Types.newParameterizedType(List.class, parameterized.getActualTypeArguments()[0]));
        return new JsonAdapter<ListingJson<Object>>() {
            @Override
            public ListingJson<Object> fromJson(JsonReader reader) throws IOException {
                if (reader.peek() == JsonReader.Token.BEGIN_ARRAY) {
                    return ListingJson.lastPage(array.fromJson(reader));
                }
                return object.fromJson(reader);
            }

            @Override
            public void toJson(JsonWriter writer, ListingJson<Object> value) throws IOException {
                object.toJson(writer, value);
            }
        }.nullSafe();
    }
}
