package eu.dpaledger.platform.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a subscription may list in {@code eventTypes}: an exact event type, {@code *} (every type the service offers),
 * or a prefix ending at a dot followed by {@code *} ({@code eu.dpaledger.breach.*}) that matches at least one offered
 * type. Matching is done in the database by overlap: an event matches a subscription when one of the patterns that
 * {@link #matching(String)} lists for its type is among the subscription's.
 */
public final class WebhookPatterns {

    public static final String ALL = "*";
    private static final int MAX_LENGTH = 200;

    private WebhookPatterns() {
    }

    /** Why {@code pattern} cannot be subscribed to, given the offered types; empty when it can. */
    public static Optional<String> problem(String pattern, Set<String> offered) {
        if (pattern == null || pattern.isBlank()) {
            return Optional.of("an event type or pattern must not be empty");
        }
        if (pattern.length() > MAX_LENGTH) {
            return Optional.of("'" + pattern.substring(0, 40) + "…' is longer than " + MAX_LENGTH + " characters");
        }
        if (pattern.equals(ALL) || offered.contains(pattern)) {
            return Optional.empty();
        }
        if (pattern.endsWith(".*") && pattern.indexOf('*') == pattern.length() - 1) {
            String prefix = pattern.substring(0, pattern.length() - 1);
            return offered.stream().anyMatch(type -> type.startsWith(prefix)) ? Optional.empty()
                    : Optional.of("'" + pattern + "' matches no event type");
        }
        return Optional.of(pattern.contains("*")
                ? "'" + pattern + "' is not a pattern: '*' alone, or a prefix ending in '.*'"
                : "'" + pattern + "' is not an event type");
    }

    /**
     * Every pattern that matches {@code type}: {@code *}, each dotted prefix followed by {@code *}, and the type itself
     * ({@code eu.dpaledger.breach.BreachReported.v1} → {@code *}, {@code eu.*}, {@code eu.dpaledger.*},
     * {@code eu.dpaledger.breach.*}, {@code eu.dpaledger.breach.BreachReported.*}, the type).
     */
    public static List<String> matching(String type) {
        List<String> out = new ArrayList<>();
        out.add(ALL);
        for (int dot = type.indexOf('.'); dot >= 0; dot = type.indexOf('.', dot + 1)) {
            out.add(type.substring(0, dot + 1) + "*");
        }
        out.add(type);
        return out;
    }
}
