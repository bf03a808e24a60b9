package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.domain.obligation.ObligationState;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the dashboard, in English ({@code messages/msg_en.properties}, the default) and Dutch
 * ({@code messages/msg_nl.properties}). Templates use them as {@code {msg:name}}; the build fails when a template
 * names a message that does not exist. A method taking an enum reads the key {@code name_CONSTANT} (or
 * {@code name_$CONSTANT} when a constant has an underscore).
 */
@MessageBundle(value = "msg", locale = "en")
public interface DashboardMessages {

    // ---- page chrome
    @Message String appName();
    @Message String dashboardTitle();
    @Message String skipToContent();
    @Message String mainNavigation();
    @Message String navOverview();
    @Message String navObligations();
    @Message String navPortfolio();
    @Message String navSettings();
    @Message String signedInAs(String name);
    @Message String organisationOf(String organisation);
    @Message String language();
    @Message String logout();
    @Message String exportCsv();
    @Message String none();
    @Message String openInService();
    @Message String asOf(String instant);

    // ---- states, kinds, parties
    @Message String state(ObligationState state);
    @Message String kind(ObligationKind kind);
    @Message String party(ObligationKind.ActingParty party);
    @Message String status(AgreementStatus status);
    @Message String severity(FindingSeverity severity);

    // ---- 1. breach clocks
    @Message String breachTitle();
    @Message String breachIntro();
    @Message String breachColumn();
    @Message String counterpartColumn();
    @Message String clock24Column();
    @Message String clock72Column();
    @Message String hoursLeft(long hours);
    @Message String lateBy(long hours);
    @Message String doneInTime();
    @Message String doneLate(long hours);
    @Message String noBreachClocks();

    // ---- 2. objection windows
    @Message String objectionTitle();
    @Message String objectionIntro();
    @Message String subprocessorColumn();
    @Message String windowClosesColumn();
    @Message String daysLeftColumn();
    @Message String daysLeft(long days);
    @Message String closesToday();
    @Message String endOfDay(String date);
    @Message String objectionsRaised();
    @Message String noObjectionWindows();

    // ---- 3. calendar
    @Message String calendarTitle();
    @Message String calendarIntro();
    @Message String previousMonth();
    @Message String nextMonth();
    @Message String thisMonth();
    @Message String moreOnDay(long count);
    @Message String calendarTruncated(long shown);
    @Message String nothingDue();

    // ---- 4. overdue obligations
    @Message String overdueTitle();
    @Message String overdueIntro();
    @Message String byKind();
    @Message String byParty();
    @Message String kindColumn();
    @Message String partyColumn();
    @Message String articleColumn();
    @Message String totalRow();

    // ---- 5. portfolio
    @Message String portfolioTitle();
    @Message String byStatus();
    @Message String byCounterpart();
    @Message String byCountry();
    @Message String statusColumn();
    @Message String countryColumn();
    @Message String agreementsColumn();

    // ---- 6. audits
    @Message String auditTitle();
    @Message String findingsBySeverity();
    @Message String openFindingsColumn();
    @Message String severityColumn();
    @Message String plansTitle();
    @Message String plansDue();
    @Message String plansOverdue();
    @Message String measuresDue();
    @Message String measuresOverdue();

    // ---- 7. trends
    @Message String trendsTitle();
    @Message String trendsIntro();
    @Message String monthColumn();
    @Message String openColumn();
    @Message String notificationsOverdueColumn();
    @Message String trendsTable();
    @Message String noTrends();

    // ---- lists
    @Message String obligationsTitle();
    @Message String portfolioListTitle();
    @Message String filtersApplied();
    @Message String noFilters();
    @Message String clearFilters();
    @Message String titleColumn();
    @Message String agreementColumn();
    @Message String dueColumn();
    @Message String stateColumn();
    @Message String metColumn();
    @Message String signedColumn();
    @Message String terminatedColumn();
    @Message String pendingAddendumColumn();
    @Message String subprocessorsColumn();
    @Message String overdueColumn();
    @Message String nextPage();
    @Message String firstPage();
    @Message String emptyList();

    // ---- settings
    @Message String settingsTitle();
    @Message String dueSoonTitle();
    @Message String dueSoonIntro();
    @Message String dueSoonDays();
    @Message String breachDueSoonHours();
    @Message String save();
    @Message String saved();
    @Message String feedTitle();
    @Message String feedIntro();
    @Message String feedLabel();
    @Message String feedCreate();
    @Message String feedCreated();
    @Message String feedCopyHint();
    @Message String feedExpiresColumn();
    @Message String feedCreatedColumn();
    @Message String feedLastUsedColumn();
    @Message String feedRevoke();
    @Message String feedRevoked();
    @Message String feedNone();
    @Message String neverUsed();
    @Message String tokenState(String state);

    // ---- errors
    @Message String errorTitle();
    @Message String errorField(String field, String message);
    @Message String backToOverview();
}
