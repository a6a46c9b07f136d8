package io.masscast.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Slack adapter needs. Events arrive over Socket Mode when an app-level token is given,
 * otherwise over HTTP ({@code POST /slack/events}, verified with the signing secret).
 *
 * @param apiUrl Web API base the method name is appended to; always ends with {@code /}
 */
public record SlackSettings(Secret botToken, Optional<Secret> appToken, Optional<Secret> signingSecret, URI apiUrl) {

    public static final URI DEFAULT_API_URL = URI.create("https://slack.com/api/");

    public SlackSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(appToken, "appToken");
        Objects.requireNonNull(signingSecret, "signingSecret");
        if (appToken.isEmpty() && signingSecret.isEmpty()) {
            throw new IllegalArgumentException(
                    "Slack needs an app-level token (Socket Mode) or a signing secret (HTTP mode)");
        }
        apiUrl = Urls.requireHttpBase(Objects.requireNonNull(apiUrl, "apiUrl"), "Slack API URL");
    }

    public boolean socketMode() {
        return appToken.isPresent();
    }

    public boolean httpMode() {
        return !socketMode();
    }

    public String describe() {
        String mode = socketMode()
                ? "Socket Mode"
                        + (signingSecret.isPresent() ? " (SLACK_SIGNING_SECRET is set but only HTTP mode uses it)" : "")
                : "HTTP mode (POST /slack/events)";
        return "Slack: " + mode + ", Web API at " + apiUrl;
    }
}
