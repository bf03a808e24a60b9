package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.reporting.api.FeedTokenResource.FeedTokenCreated;
import eu.dpaledger.reporting.api.FeedTokenResource.FeedTokenView;
import eu.dpaledger.reporting.infrastructure.query.DueSoon;

import java.util.List;

/**
 * The settings page: the organisation's "due soon" setting, the person's calendar feed links (never their secrets),
 * and what the last form did: saved, a link just made (its URL shown this once) or revoked.
 */
public record SettingsView(DueSoon dueSoon, List<FeedTokenView> tokens, boolean saved, FeedTokenCreated created, boolean revoked) {

    SettingsView with(DueSoon setting) {
        return new SettingsView(setting, tokens, saved, created, revoked);
    }
}
