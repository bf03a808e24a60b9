package eu.dpaledger.platform.time;

import java.time.LocalTime;
import java.util.Objects;

/** An organisation's daily office hours as a half-open local-time range [start, end); the default is 09:00–17:00. */
public record OfficeHours(LocalTime start, LocalTime end) {

    public static final OfficeHours DEFAULT = new OfficeHours(LocalTime.of(9, 0), LocalTime.of(17, 0));

    public OfficeHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("office hours must start before they end: " + start + "-" + end);
        }
    }

    /** True when {@code start <= time < end}. */
    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && time.isBefore(end);
    }
}
