package eu.dpaledger.agreement.domain;

import java.util.List;
import java.util.Objects;

/** List normalisation shared by the content records: absent lists become empty, null elements are dropped. */
public final class Lists {

    private Lists() {
    }

    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    /** Like {@link #orEmpty} but keeps {@code null}, which in an addendum means "section unchanged". */
    public static <T> List<T> orNull(List<T> list) {
        return list == null ? null : orEmpty(list);
    }
}
