package eu.dpaledger.reporting.infrastructure.query;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Each organisation's "due soon" setting ({@code organisation_settings}); the defaults until it sets its own. */
@ApplicationScoped
public class SettingsStore {

    /** The organisation's setting, or {@link DueSoon#DEFAULT}. */
    @WithSession
    public Uni<DueSoon> of(String organisation) {
        return OrganisationSettingsRow.<OrganisationSettingsRow>findById(organisation)
                .map(row -> row == null ? DueSoon.DEFAULT : new DueSoon(row.dueSoonDays, row.breachDueSoonHours));
    }

    /** Replaces the organisation's setting (the caller checked the ranges). */
    @WithTransaction
    public Uni<DueSoon> put(String organisation, DueSoon setting, Instant at) {
        return OrganisationSettingsRow.<OrganisationSettingsRow>findById(organisation).flatMap(found -> {
            OrganisationSettingsRow row = found != null ? found : new OrganisationSettingsRow();
            row.organisation = organisation;
            row.dueSoonDays = setting.dueSoonDays();
            row.breachDueSoonHours = setting.breachDueSoonHours();
            row.updatedAt = at;
            return found != null ? Uni.createFrom().item(row) : row.<OrganisationSettingsRow>persist();
        }).map(row -> new DueSoon(row.dueSoonDays, row.breachDueSoonHours));
    }
}
