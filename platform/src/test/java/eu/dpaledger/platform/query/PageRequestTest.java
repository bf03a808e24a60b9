package eu.dpaledger.platform.query;

import eu.dpaledger.platform.http.HttpProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageRequestTest {

    @Test
    void limit_defaults_to_50_and_refuses_above_200_naming_the_parameter() {
        assertEquals(50, PageRequest.of(null, null).limit());
        assertEquals(200, PageRequest.of(null, "200").limit());
        for (String bad : List.of("201", "0", "-1", "ten", "1e3", "")) {
            HttpProblem problem = assertThrows(HttpProblem.class, () -> PageRequest.of(null, bad), bad);
            assertEquals(400, problem.status());
            assertEquals("invalid-limit", problem.rule());
            assertTrue(problem.details().get("violations").toString().contains("field=limit"), problem.details().toString());
        }
    }

    @Test
    void a_page_keeps_the_limit_and_says_where_the_next_one_starts() {
        List<Integer> rows = IntStream.rangeClosed(1, 4).boxed().toList();
        PageRequest first = PageRequest.of(null, "3");
        ListPage<Integer> page = first.page(rows, n -> List.of(n), PageRequest.filters("status", "ACTIVE", "party", null));
        assertEquals(List.of(1, 2, 3), page.items());
        assertEquals(Map.of("status", "ACTIVE"), page.filters());
        PageRequest next = PageRequest.of(page.nextCursor(), "3");
        assertEquals(3L, next.number(0));

        ListPage<Integer> last = next.page(List.of(4), n -> List.of(n), Map.of());
        assertEquals(List.of(4), last.items());
        assertNull(last.nextCursor(), "the last page has no next cursor");
    }

    @Test
    void cursor_components_round_trip_as_instants_and_text_including_null() {
        Instant at = Instant.parse("2026-11-30T10:15:30.123456Z");
        ListPage<String> page = PageRequest.of(null, "1").page(List.of("a", "b"), s -> java.util.Arrays.asList(at, s, null), Map.of());
        PageRequest next = PageRequest.of(page.nextCursor(), null);
        assertEquals(at, next.instant(0));
        assertEquals("a", next.text(1));
        assertNull(next.text(2));
    }

    @Test
    void a_cursor_the_list_did_not_issue_is_a_400_naming_cursor() {
        for (String bad : List.of("x", "%%%", "W10", "eyJhIjoxfQ", "WyJub3QtYW4taW5zdGFudCJd")) {
            HttpProblem problem = assertThrows(HttpProblem.class, () -> PageRequest.of(bad, null).instant(0), bad);
            assertEquals("invalid-cursor", problem.rule());
            assertEquals(400, problem.status());
        }
    }

    @Test
    void a_slice_of_an_ordered_list_in_memory_walks_it_whole_without_repeats() {
        List<String> all = IntStream.range(0, 7).mapToObj(i -> "e" + i).toList();
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ListPage<String> page = PageRequest.of(cursor, "3").slice(all, s -> List.of(s), Map.of());
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(all, seen);
        assertEquals(3, pages);
    }
}
