package eu.dpaledger.platform.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one envelope of every list the API answers (docs/ARCHITECTURE.md, "Lists"): at most {@code limit} items in a
 * stable order, the cursor of the next page ({@code null} on the last one) and the filters the server applied. A list
 * is never cut silently: when more items exist, {@code nextCursor} says so.
 */
public record ListPage<T>(
        @Schema(required = true, description = "At most `limit` items, in the list's stable order") List<T> items,
        @Schema(description = "Pass as `cursor` to get the next page; absent (null) on the last page", nullable = true)
        String nextCursor,
        @Schema(required = true, description = "The filters applied, by query parameter name (absent filters are not listed)")
        Map<String, String> filters) {

    /** The same page with each item mapped (a read model's row to the API's view). */
    public <R> ListPage<R> map(Function<? super T, ? extends R> mapper) {
        return new ListPage<>(items.stream().<R>map(mapper).toList(), nextCursor, filters);
    }
}
