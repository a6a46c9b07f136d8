package io.masscast.deploy;

import io.masscast.http.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** masscast's HTTP server started on a free port, asked for one path: what a probe would see. */
final class RunningServer {
    private RunningServer() {}

    static int statusOf(String path) throws IOException, InterruptedException {
        try (HttpServer server = new HttpServer(0, java.util.List::of)) {
            server.start();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .build();
            return HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
