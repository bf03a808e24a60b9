package eu.dpaledger.reporting.api.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The dashboard's pages and fragments ({@code templates/dashboard/}), checked at build time against their data. */
@CheckedTemplate(basePath = "dashboard")
final class Templates {

    private Templates() {
    }

    /** The overview at {@code /}: the seven panels. */
    static native TemplateInstance overview(Chrome chrome, Overview overview);

    /** The calendar panel alone: the htmx answer of the month navigation. */
    static native TemplateInstance overview$calendar(CalendarMonth calendar);

    /** A page of the obligations behind a number. */
    static native TemplateInstance obligations(Chrome chrome, ObligationList list);

    /** A page of the agreements behind a number. */
    static native TemplateInstance portfolio(Chrome chrome, PortfolioList list);

    /** The organisation's "due soon" setting and the person's calendar feed links. */
    static native TemplateInstance settings(Chrome chrome, SettingsView settings);

    /** A page that could not be answered (a filter the list does not take, a value out of range). */
    static native TemplateInstance error(Chrome chrome, ErrorView error);
}
