package eu.dpaledger.platform.time;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/** A day on which an organisation is closed, either every year on a {@link MonthDay} or once on a {@link LocalDate}. */
public record ClosingDay(String name, MonthDay recurring, LocalDate once) {

    public ClosingDay {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a closing day needs a name");
        }
        if ((recurring == null) == (once == null)) {
            throw new IllegalArgumentException("a closing day is either recurring or once, not both or neither: " + name);
        }
    }

    public static ClosingDay recurring(String name, MonthDay monthDay) {
        return new ClosingDay(name, Objects.requireNonNull(monthDay, "monthDay"), null);
    }

    public static ClosingDay once(String name, LocalDate date) {
        return new ClosingDay(name, null, Objects.requireNonNull(date, "date"));
    }

    /** True when the organisation is closed on {@code date} because of this closing day (29 February recurs only in leap years). */
    public boolean appliesTo(LocalDate date) {
        return once != null ? once.equals(date) : recurring.equals(MonthDay.from(date));
    }
}
