package eu.dpaledger.reporting.api;

import eu.dpaledger.reporting.infrastructure.query.ObligationView;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The iCalendar (RFC 5545) deadlines feed: one VEVENT per obligation (UID {@code <obligation id>@dpa-ledger}, DTSTAMP,
 * DTSTART in UTC, SUMMARY, DESCRIPTION with the article and state, URL of the resource) and, while it is open, a
 * VALARM the day before (an hour before for the hour clocks). Text is escaped (RFC 5545 3.3.11), content lines end
 * in CRLF and are folded at 75 octets without splitting a UTF-8 character (3.1).
 */
public final class ICalendar {

    public static final String MEDIA_TYPE = "text/calendar";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    /** The calendar of {@code obligations} as of {@code now}, named {@code name}. */
    public static String of(String name, List<ObligationView> obligations, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//dpa-ledger//reporting-service//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        line(out, "X-PUBLISHED-TTL:PT1H");
        line(out, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        for (ObligationView o : obligations) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(o.id()) + "@dpa-ledger");
            line(out, "DTSTAMP:" + UTC.format(now.truncatedTo(ChronoUnit.SECONDS)));
            line(out, "DTSTART:" + UTC.format(o.dueAt().truncatedTo(ChronoUnit.SECONDS)));
            line(out, "DURATION:PT0S");
            line(out, "SUMMARY:" + text(summary(o)));
            line(out, "DESCRIPTION:" + text(description(o)));
            line(out, "URL:" + o.url());
            line(out, "CATEGORIES:" + text(o.kind().name()) + "," + text(o.state().name()));
            line(out, "STATUS:CONFIRMED");
            line(out, "TRANSP:TRANSPARENT");
            if (o.state().open()) {
                line(out, "BEGIN:VALARM");
                line(out, "ACTION:DISPLAY");
                line(out, "DESCRIPTION:" + text(summary(o)));
                line(out, "TRIGGER:-" + (o.kind().clock() == eu.dpaledger.reporting.domain.obligation.ObligationKind.Clock.HOURS ? "PT1H" : "P1D"));
                line(out, "END:VALARM");
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String summary(ObligationView o) {
        String whose = o.actingParty() == eu.dpaledger.reporting.domain.obligation.ObligationKind.ActingParty.CONTROLLER
                ? o.controller().name() : o.processor().name();
        return (o.state().open() ? "" : "Met: ") + label(o.kind().name()) + ": " + o.title() + (whose == null ? "" : " (" + whose + ")");
    }

    private static String description(ObligationView o) {
        return o.article() + ". " + label(o.actingParty().name()) + " acts by " + o.dueLocal() + " " + o.timeZone()
                + " (" + o.dueAt() + "). State: " + o.state() + (o.metAt() == null ? "" : ", met " + o.metAt()) + ".\n"
                + "Controller: " + party(o.controller()) + "\nProcessor: " + party(o.processor()) + "\nAgreement: " + o.agreementId()
                + "\n" + o.url();
    }

    private static String party(eu.dpaledger.reporting.infrastructure.query.Party p) {
        return (p.name() == null ? "" : p.name() + " ") + "(" + p.org() + ")";
    }

    private static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** RFC 5545 3.3.11: backslash, semicolon and comma escaped, line breaks as \n, other control characters dropped. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        out.append("\\n");
                    }
                }
                default -> {
                    if (c >= 0x20 && c != 0x7F) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Appends one content line folded at 75 octets (RFC 5545 3.1): CRLF then a space, never inside a UTF-8 sequence. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
