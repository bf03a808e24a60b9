package eu.dpaledger.reporting.api.dashboard;

import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.TemplateExtension;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;

/**
 * Dates and times in the page's language ({@code {obligation.dueLocal.dateTime}}): British English or Belgian Dutch,
 * from the template's locale attribute. An instant is shown in Europe/Brussels.
 */
@TemplateExtension
final class Formats {

    private Formats() {
    }

    static String dateTime(LocalDateTime time, @TemplateAttribute("locale") Object locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Language.of(locale).formats()).format(time);
    }

    static String date(LocalDate date, @TemplateAttribute("locale") Object locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Language.of(locale).formats()).format(date);
    }

    static String dateTime(Instant instant, @TemplateAttribute("locale") Object locale) {
        return dateTime(LocalDateTime.ofInstant(instant, CalendarMonth.ZONE), locale);
    }

    static String date(Instant instant, @TemplateAttribute("locale") Object locale) {
        return date(LocalDate.ofInstant(instant, CalendarMonth.ZONE), locale);
    }

    /** "December 2026", "december 2026". */
    static String title(YearMonth month, @TemplateAttribute("locale") Object locale) {
        return DateTimeFormatter.ofPattern("LLLL yyyy", Language.of(locale).formats()).format(month);
    }

    /** "Dec 2026", "dec 2026". */
    static String shortTitle(YearMonth month, @TemplateAttribute("locale") Object locale) {
        return DateTimeFormatter.ofPattern("LLL yyyy", Language.of(locale).formats()).format(month);
    }

    /** "Mon", "ma". */
    static String shortName(DayOfWeek day, @TemplateAttribute("locale") Object locale) {
        return day.getDisplayName(TextStyle.SHORT, Language.of(locale).formats());
    }

    /** "Monday", "maandag". */
    static String fullName(DayOfWeek day, @TemplateAttribute("locale") Object locale) {
        return day.getDisplayName(TextStyle.FULL, Language.of(locale).formats());
    }

    /** "2026-12": the month as the dashboard's URLs name it. */
    static String iso(YearMonth month) {
        return month.toString();
    }
}
