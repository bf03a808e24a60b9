package eu.dpaledger.platform.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Splits a batch's rows into layers in which each key (a read-model row's primary key) appears at most once: one
 * {@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE} cannot touch a row twice, so the k-th row of a key
 * goes into the k-th layer, and writing the layers one after the other applies each key's rows in their order.
 * Correct when rows of different keys never read each other.
 */
public final class Layers {

    private Layers() {
    }

    public static <T> List<List<T>> byKey(List<T> rows, Function<T, ?> key) {
        List<List<T>> layers = new ArrayList<>();
        Map<Object, Integer> seen = new HashMap<>();
        for (T row : rows) {
            int layer = seen.merge(key.apply(row), 1, Integer::sum) - 1;
            if (layer == layers.size()) {
                layers.add(new ArrayList<>());
            }
            layers.get(layer).add(row);
        }
        return layers;
    }
}
