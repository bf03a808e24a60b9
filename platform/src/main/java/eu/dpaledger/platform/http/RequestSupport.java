package eu.dpaledger.platform.http;

import java.util.UUID;
import java.util.regex.Pattern;

/** What every REST resource checks the same way: a body is present, a correlation id exists, a boolean query parameter is one. */
public final class RequestSupport {

    /** A caller's correlation id is kept when it is 1 to 128 of these characters (a UUID, "bench-7-c", ...). */
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");

    private RequestSupport() {
    }

    /**
     * The caller's {@code X-Correlation-Id} when it is a usable one (1 to 128 letters, digits and {@code . _ : + / = -}),
     * else a new random UUID: an id that goes into log lines, events and Kafka headers cannot carry spaces, control
     * characters or kilobytes. The one rule for correlation ids ({@link CorrelationIds} applies it to every request).
     */
    public static String correlationId(String header) {
        return header != null && CORRELATION_ID.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }

    /** 400 {@code body-required} when a command arrives without a JSON body. */
    public static void requireBody(Object body) {
        if (body == null) {
            throw HttpProblem.badRequest("body-required", "Body required", "This operation needs a JSON body");
        }
    }

    /** A {@code true}/{@code false} query parameter (null when absent); anything else is 400 {@code invalid-<name>}. */
    public static Boolean booleanParam(String value, String name) {
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw HttpProblem.badRequest("invalid-" + name, "Invalid " + name, name + " must be true or false");
        }
        return Boolean.valueOf(value);
    }
}
