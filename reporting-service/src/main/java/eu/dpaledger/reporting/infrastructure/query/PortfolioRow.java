package eu.dpaledger.reporting.infrastructure.query;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** A row of {@code portfolio}: one agreement as the projections last saw it (read-only here). */
@Entity
@Immutable
@Table(name = "portfolio")
public class PortfolioRow extends PanacheEntityBase {

    @Id
    @Column(name = "agreement_id")
    public String agreementId;

    @Column(name = "controller_org")
    public String controllerOrg;

    @Column(name = "controller_name")
    public String controllerName;

    @Column(name = "processor_org")
    public String processorOrg;

    @Column(name = "processor_name")
    public String processorName;

    public String status;

    public String assignment;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "signed_at")
    public Instant signedAt;

    @Column(name = "terminated_at")
    public Instant terminatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "pending_addendum")
    public String pendingAddendum;

    @Column(name = "processing_countries")
    public String[] processingCountries;
}
