package io.masscast.ofauth;

import java.lang.annotation.Annotation;
import retrofit2.Call;
import retrofit2.Invocation;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;

/**
 * A call's endpoint as {@link OfAuthApi} declares it, {@code GET /v2/access/mass-messages/{id}}: the same label for
 * every message id, so metrics stay a small, fixed set of series.
 */
final class Endpoints {
    private Endpoints() {}

    static String of(Call<?> call) {
        Invocation invocation = call.request().tag(Invocation.class);
        if (invocation != null) {
            for (Annotation annotation : invocation.method().getAnnotations()) {
                if (annotation instanceof GET get) {
                    return "GET /" + get.value();
                } else if (annotation instanceof POST post) {
                    return "POST /" + post.value();
                } else if (annotation instanceof PUT put) {
                    return "PUT /" + put.value();
                } else if (annotation instanceof DELETE delete) {
                    return "DELETE /" + delete.value();
                }
            }
        }
        return call.request().method() + " " + call.request().url().encodedPath();
    }
}
