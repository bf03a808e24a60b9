package eu.dpaledger.reporting.infrastructure.query;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A row of {@code organisation_settings}: the organisation's own "due soon" preference (written by this service). */
@Entity
@Table(name = "organisation_settings")
public class OrganisationSettingsRow extends PanacheEntityBase {

    @Id
    public String organisation;

    @Column(name = "due_soon_days")
    public int dueSoonDays;

    @Column(name = "breach_due_soon_hours")
    public int breachDueSoonHours;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
