package io.masscast.ofauth;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Adds the {@code apiKey} header to every request, so the key lives in one place only. */
final class ApiKeyInterceptor implements Interceptor {

    private final String apiKey;

    ApiKeyInterceptor(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(
                chain.request().newBuilder().header("apiKey", apiKey).build());
    }

    @Override
    public String toString() {
        return "ApiKeyInterceptor[apiKey=****]";
    }
}
