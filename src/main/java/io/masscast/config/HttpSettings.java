package io.masscast.config;

/** What the HTTP server (Slack HTTP mode, OFAuth webhooks, health, metrics) needs. */
public record HttpSettings(int port) {

    public static final int DEFAULT_PORT = 3000;

    public HttpSettings {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("an HTTP port is between 1 and 65535");
        }
    }

    public String describe() {
        return "HTTP: port " + port;
    }
}
