package eu.dpaledger.platform.command;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StateCacheTest {

    @Test
    void a_command_finishing_late_does_not_replace_a_newer_state() {
        StateCache cache = new StateCache(10);
        cache.put("agreement", "a", new StateCache.Entry("v3", 3, "h3"), 0);
        cache.put("agreement", "a", new StateCache.Entry("v2", 2, "h2"), 0);
        assertEquals(3, cache.get("agreement", "a").version());
        cache.put("agreement", "a", new StateCache.Entry("v4", 4, "h4"), 0);
        assertEquals("v4", cache.get("agreement", "a").state());
    }

    @Test
    void the_least_recently_used_stream_leaves_first_when_full() {
        StateCache cache = new StateCache(2);
        cache.put("agreement", "a", new StateCache.Entry("a", 1, "h"), 0);
        cache.put("agreement", "b", new StateCache.Entry("b", 1, "h"), 0);
        cache.get("agreement", "a");
        cache.put("agreement", "c", new StateCache.Entry("c", 1, "h"), 0);
        assertNull(cache.get("agreement", "b"));
        assertEquals("a", cache.get("agreement", "a").state());
        assertEquals(2, cache.size());
    }

    @Test
    void streams_of_different_types_do_not_collide_and_size_zero_switches_it_off() {
        StateCache cache = new StateCache(10);
        cache.put("agreement", "x", new StateCache.Entry("agreement", 1, "h"), 0);
        cache.put("audit", "x", new StateCache.Entry("audit", 1, "h"), 0);
        assertEquals("audit", cache.get("audit", "x").state());
        StateCache off = new StateCache(0);
        off.put("agreement", "x", new StateCache.Entry("s", 1, "h"), 0);
        assertNull(off.get("agreement", "x"));
    }

    @Test
    void a_state_loaded_before_the_cache_was_cleared_is_not_cached_after_it() {
        StateCache cache = new StateCache(8);
        long before = cache.generation();
        cache.put("agreement", "a", new StateCache.Entry("clear name", 1, "h"), before);
        cache.clear();
        assertNull(cache.get("agreement", "a"));
        cache.put("agreement", "a", new StateCache.Entry("clear name", 2, "h2"), before);
        assertNull(cache.get("agreement", "a"), "loaded before an erasure: not cached after it");
        cache.put("agreement", "a", new StateCache.Entry("erased", 2, "h2"), cache.generation());
        assertEquals("erased", cache.get("agreement", "a").state());
    }
}
