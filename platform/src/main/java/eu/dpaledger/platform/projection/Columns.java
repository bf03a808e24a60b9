package eu.dpaledger.platform.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * A layer's rows as typed column arrays, the parameters of one {@code INSERT … SELECT FROM unnest($1::text[], …)}
 * (see {@link Layers}): the client sends them in binary, the database reads them without parsing text.
 */
public final class Columns<T> {

    private final List<T> rows;

    private Columns(List<T> rows) {
        this.rows = rows;
    }

    public static <T> Columns<T> of(List<T> rows) {
        return new Columns<>(rows);
    }

    public String[] text(Function<T, String> column) {
        return rows.stream().map(column).toArray(String[]::new);
    }

    public Long[] bigint(Function<T, Long> column) {
        return rows.stream().map(column).toArray(Long[]::new);
    }

    public Boolean[] bool(Function<T, Boolean> column) {
        return rows.stream().map(column).toArray(Boolean[]::new);
    }

    public LocalDate[] date(Function<T, LocalDate> column) {
        return rows.stream().map(column).toArray(LocalDate[]::new);
    }

    /** A {@code timestamptz[]}: each instant at UTC (null stays null). */
    public OffsetDateTime[] instant(Function<T, Instant> column) {
        return rows.stream().map(column).map(i -> i == null ? null : i.atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new);
    }
}
