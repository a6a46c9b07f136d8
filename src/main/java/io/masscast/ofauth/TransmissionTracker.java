package io.masscast.ofauth;

import io.masscast.core.port.RequestStartHook;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Tells an I/O failure before the request left from one after. OkHttp calls network interceptors only
 * once a connection is established (DNS, TCP and TLS done), right before it writes the request; so if
 * {@link #networkMarker()} never ran, not a byte of the request was sent. That is also the moment a
 * request's {@link RequestStartHook} (its tag, if it has one) runs: if the hook throws, the request is
 * abandoned unsent and the hook's exception is rethrown as it is. Install this as an application
 * interceptor and the marker as a network interceptor; every I/O failure then surfaces as a
 * {@link TransmissionException}. Response bodies are read here, in full (OFAuth's are small), so a failure
 * while reading one is classified too and conversion later never touches the network.
 */
final class TransmissionTracker implements Interceptor {

    private static final class Progress {
        final AtomicBoolean started = new AtomicBoolean();
        final RequestStartHook hook;
        volatile RuntimeException hookFailure;

        Progress(RequestStartHook hook) {
            this.hook = hook;
        }

        void beforeSending() throws IOException {
            if (hook != null) {
                try {
                    hook.beforeSending();
                } catch (RuntimeException e) {
                    hookFailure = e;
                    throw new IOException("the request was not sent: its start could not be recorded", e);
                }
            }
            started.set(true);
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Progress progress = new Progress(chain.request().tag(RequestStartHook.class));
        Request request =
                chain.request().newBuilder().tag(Progress.class, progress).build();
        try {
            Response response = chain.proceed(request);
            ResponseBody body = response.body();
            byte[] bytes = body.bytes();
            return response.newBuilder()
                    .body(ResponseBody.create(bytes, body.contentType()))
                    .build();
        } catch (IOException e) {
            if (progress.hookFailure != null) {
                throw progress.hookFailure;
            }
            throw new TransmissionException(e, progress.started.get());
        }
    }

    static Interceptor networkMarker() {
        return chain -> {
            Progress progress = chain.request().tag(Progress.class);
            if (progress != null) {
                progress.beforeSending();
            }
            return chain.proceed(chain.request());
        };
    }
}
