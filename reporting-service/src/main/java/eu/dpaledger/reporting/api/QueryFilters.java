package eu.dpaledger.reporting.api;

import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.InputRules;
import eu.dpaledger.platform.domain.TransferMechanism;
import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.domain.obligation.ObligationState;
import eu.dpaledger.reporting.infrastructure.query.ExposureFilter;
import eu.dpaledger.reporting.infrastructure.query.ObligationFilter;
import eu.dpaledger.reporting.infrastructure.query.PortfolioFilter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The query parameters of the reporting lists read into their filters, for the bearer API and the dashboard alike:
 * a value that is not acceptable is a 400 {@code invalid-parameter} problem naming the parameter and what it takes.
 * Several values of a parameter that takes several come repeated ({@code state=OVERDUE&state=DUE_SOON}) or
 * comma-separated ({@code state=OVERDUE,DUE_SOON}).
 */
public final class QueryFilters {

    private static final Pattern ENTERPRISE_NUMBER = Pattern.compile("\\d{10}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private QueryFilters() {
    }

    /** The filters of {@code GET /obligations}. */
    public static ObligationFilter obligations(List<String> state, List<String> kind, String agreement, String counterpart,
                                               String dueBefore, String dueAfter, String actingParty) {
        Instant before = instant("dueBefore", dueBefore);
        Instant after = instant("dueAfter", dueAfter);
        if (before != null && after != null && !after.isBefore(before)) {
            throw invalid("dueAfter", "must be before dueBefore (" + before + ")");
        }
        return new ObligationFilter(enums("state", state, ObligationState.class), enums("kind", kind, ObligationKind.class),
                id("agreement", agreement), enterpriseNumber("counterpart", counterpart), before, after,
                actingParty == null ? null : one("actingParty", actingParty, ObligationKind.ActingParty.class));
    }

    /** The filters of {@code GET /portfolio}. */
    public static PortfolioFilter portfolio(List<String> status, String counterpart, String country) {
        Set<String> statuses = new TreeSet<>();
        for (String value : values(status)) {
            if (!PortfolioFilter.STATUSES.contains(value)) {
                throw invalid("status", "must be one of " + new TreeSet<>(PortfolioFilter.STATUSES) + " (got '" + shown(value) + "')");
            }
            statuses.add(value);
        }
        return new PortfolioFilter(statuses, enterpriseNumber("counterpart", counterpart), country("country", country));
    }

    /** The filters of {@code GET /subprocessor-exposure}. */
    public static ExposureFilter exposure(String country, String thirdCountry, String mechanism) {
        Boolean third = null;
        if (thirdCountry != null) {
            if (!thirdCountry.equals("true") && !thirdCountry.equals("false")) {
                throw invalid("thirdCountry", "must be true or false");
            }
            third = Boolean.valueOf(thirdCountry);
        }
        return new ExposureFilter(country("country", country), third,
                mechanism == null ? null : one("mechanism", mechanism, TransferMechanism.class).name());
    }

    /** A whole number of months from 1 to {@code max} ({@code fallback} when absent). */
    public static int months(String value, int max, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int months = Integer.parseInt(value);
            if (months >= 1 && months <= max) {
                return months;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("months", "must be a whole number from 1 to " + max);
    }

    /** A 400 {@code invalid-parameter} problem naming the query parameter. */
    public static HttpProblem invalid(String parameter, String message) {
        return InputRules.violation(400, "invalid-parameter", "Invalid query parameter", parameter, message);
    }

    private static <E extends Enum<E>> Set<E> enums(String name, List<String> raw, Class<E> type) {
        Set<E> out = new LinkedHashSet<>();
        for (String value : values(raw)) {
            out.add(one(name, value, type));
        }
        return out;
    }

    private static <E extends Enum<E>> E one(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()
                    + " (got '" + shown(value) + "')");
        }
    }

    /** The values of a parameter that takes several: repeated and/or comma-separated; an empty one is refused. */
    private static List<String> values(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        return raw.stream().flatMap(v -> Arrays.stream(v.split(",", -1))).map(String::trim).toList();
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            if (INSTANT.matcher(value).matches()) {
                return OffsetDateTime.parse(value).toInstant();
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw invalid(name, "must be an RFC 3339 instant with an offset, e.g. 2026-12-01T00:00:00Z");
    }

    private static String enterpriseNumber(String name, String value) {
        if (value != null && !ENTERPRISE_NUMBER.matcher(value).matches()) {
            throw invalid(name, "must be a 10-digit enterprise number");
        }
        return value;
    }

    private static String country(String name, String value) {
        if (value != null && !COUNTRY.matcher(value).matches()) {
            throw invalid(name, "must be an ISO 3166-1 alpha-2 code in capitals, e.g. BE");
        }
        return value;
    }

    private static String id(String name, String value) {
        if (value != null && !ID.matcher(value).matches()) {
            throw invalid(name, "must be an agreement id");
        }
        return value;
    }

    private static String shown(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
