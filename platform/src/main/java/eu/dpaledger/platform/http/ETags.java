package eu.dpaledger.platform.http;

import java.util.Map;

/** The stream version is the ETag ({@code "3"}); commands on an existing aggregate must send it as {@code If-Match}. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by {@code If-Match}: missing is 428, unreadable is 400. */
    public static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new HttpProblem(428, "if-match-required", "If-Match required",
                    "Send the resource's current ETag in If-Match so concurrent changes are not overwritten");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("invalid-if-match", "Invalid If-Match", "If-Match must be an ETag such as \"3\"");
        }
    }

    public static HttpProblem stale(long expected, long actual) {
        return new HttpProblem(412, "stale-version", "Precondition failed",
                "The resource changed since version " + expected + "; reload it and retry",
                actual >= 0 ? Map.of("currentVersion", actual, "currentETag", of(actual)) : Map.of());
    }
}
