package io.masscast.config;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks for base URLs, and redaction of credentials in URLs (JDBC ones included) for logs. */
final class Urls {
    private static final String REDACTED = "****";
    // //user:password@host — greedy up to the last '@' before the path, as a password may contain '@'.
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/?#@:]*):[^/?#]*@");
    // ?password=…, &sslpassword=…, ;key=… and other parameters whose name suggests a secret.
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?&;][^=&;?]*(?:pass|pwd|secret|token|key)[^=&;?]*=)[^&;]*");

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)[?&;]password=");

    private Urls() {}

    /** Why {@code url} cannot serve as an HTTP base URL, or empty if it can. */
    static Optional<String> httpProblem(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.of("must start with http:// or https://");
        }
        if (url.getHost() == null) {
            return Optional.of("has no valid host name");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("must not contain a user name or password");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            return Optional.of("must not have a query (?…) or fragment (#…)");
        }
        return Optional.empty();
    }

    /** {@code url} checked as an HTTP base URL, with the trailing slash that clients append paths to. */
    static URI requireHttpBase(URI url, String what) {
        httpProblem(url).ifPresent(problem -> {
            throw new IllegalArgumentException(what + " " + problem);
        });
        return url.getRawPath().endsWith("/") ? url : URI.create(url + "/");
    }

    /** {@code url} with any password or secret-looking parameter value replaced by {@code ****}. */
    static String redact(String url) {
        String withoutUserInfo = USER_INFO_PASSWORD.matcher(url).replaceAll("$1:" + REDACTED + "@");
        return SECRET_PARAMETER.matcher(withoutUserInfo).replaceAll("$1" + REDACTED);
    }

    /** Whether the URL carries the login password itself: {@code //user:password@} or {@code password=}. */
    static boolean carriesPassword(String url) {
        return USER_INFO_PASSWORD.matcher(url).find()
                || PASSWORD_PARAMETER.matcher(url).find();
    }
}
