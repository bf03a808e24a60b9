package eu.dpaledger.platform.http;

import java.util.UUID;

/** What every REST resource checks the same way: a body is present, a correlation id exists, a boolean query parameter is one. */
public final class RequestSupport {

    private RequestSupport() {
    }

    /** The caller's {@code X-Correlation-Id}, or a new one. */
    public static String correlationId(String header) {
        return header == null || header.isBlank() ? UUID.randomUUID().toString() : header;
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
