package eu.dpaledger.platform.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.InputRules;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page asked for: the position after which it starts (the sort key of the previous page's last item, from an
 * opaque cursor) and how many items at most. Read models query keyset-style: {@code WHERE (sort key) < (after)
 * ORDER BY sort key LIMIT fetch()} and hand the rows to {@link #page}, which keeps {@code limit} of them and, when
 * there was one more, makes the next cursor from the last item kept. No offset: a page does not shift when items
 * are added before it.
 */
public final class PageRequest {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> after;
    private final int limit;

    private PageRequest(List<String> after, int limit) {
        this.after = after;
        this.limit = limit;
    }

    /**
     * From the query parameters as sent: {@code limit} a whole number 1..{@value #MAX_LIMIT} (default
     * {@value #DEFAULT_LIMIT}), {@code cursor} one this server issued. Anything else is a 400 problem naming the parameter.
     */
    public static PageRequest of(String cursor, String limit) {
        return new PageRequest(cursor == null ? null : decode(cursor), limit(limit));
    }

    /** Whether this is the first page (no cursor). */
    public boolean isFirst() {
        return after == null;
    }

    public int limit() {
        return limit;
    }

    /** Rows to fetch: one more than the limit, to know whether a next page exists. */
    public int fetch() {
        return limit + 1;
    }

    /** Component {@code i} of the cursor's sort key as text ({@code null} on the first page). */
    public String text(int i) {
        return isFirst() ? null : component(i);
    }

    /** Component {@code i} of the cursor's sort key as an instant ({@code null} on the first page or when it was null). */
    public Instant instant(int i) {
        String value = text(i);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalidCursor();
        }
    }

    /** Component {@code i} of the cursor's sort key as a whole number ({@code null} on the first page or when it was null). */
    public Long number(int i) {
        String value = text(i);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
    }

    /**
     * The page from rows fetched after the cursor in the list's order (at most {@link #fetch()}): the first
     * {@code limit}, and a next cursor made of {@code key} of the last one kept when more rows came.
     */
    public <T> ListPage<T> page(List<T> rows, Function<T, List<?>> key, Map<String, String> filters) {
        List<T> items = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit ? encode(key.apply(items.get(items.size() - 1))) : null;
        return new ListPage<>(List.copyOf(items), next, applied(filters));
    }

    /**
     * The page of a list held whole in memory (a stream's events, a subscription's few entries), in its order: the
     * items after the one whose key is the cursor's.
     */
    public <T> ListPage<T> slice(List<T> all, Function<T, List<?>> key, Map<String, String> filters) {
        int start = 0;
        if (!isFirst()) {
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (texts(key.apply(all.get(i))).equals(after)) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw invalidCursor();
            }
        }
        List<T> rest = all.subList(start, Math.min(all.size(), start + fetch()));
        return page(rest, key, filters);
    }

    /** The filters without the absent ones, in the order given. */
    public static Map<String, String> filters(Object... nameValuePairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            if (nameValuePairs[i + 1] != null) {
                out.put(String.valueOf(nameValuePairs[i]), String.valueOf(nameValuePairs[i + 1]));
            }
        }
        return out;
    }

    private static Map<String, String> applied(Map<String, String> filters) {
        Map<String, String> out = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            if (value != null) {
                out.put(name, value);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    private String component(int i) {
        if (i >= after.size()) {
            throw invalidCursor();
        }
        return after.get(i);
    }

    private static List<String> texts(List<?> key) {
        List<String> out = new ArrayList<>(key.size());
        key.forEach(part -> out.add(part == null ? null : part.toString()));
        return out;
    }

    static String encode(List<?> key) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(JSON.writeValueAsString(texts(key)).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> decode(String cursor) {
        try {
            String[] parts = JSON.readValue(Base64.getUrlDecoder().decode(cursor), String[].class);
            if (parts == null || parts.length == 0) {
                throw invalidCursor();
            }
            return Arrays.asList(parts);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalidCursor();
        }
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw InputRules.violation(400, "invalid-limit", "Invalid limit", "limit",
                    "must be a whole number from 1 to " + MAX_LIMIT);
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw InputRules.violation(400, "invalid-limit", "Invalid limit", "limit",
                    "must be from 1 to " + MAX_LIMIT + " (got " + value + "); follow nextCursor for more");
        }
        return value;
    }

    private static HttpProblem invalidCursor() {
        return InputRules.violation(400, "invalid-cursor", "Invalid cursor", "cursor",
                "is not a cursor this list issued; start without one, then pass the nextCursor of the page before");
    }
}
