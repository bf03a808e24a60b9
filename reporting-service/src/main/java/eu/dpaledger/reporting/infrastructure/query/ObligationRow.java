package eu.dpaledger.reporting.infrastructure.query;

import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** A row of {@code obligations} (written by the projections through the kernel runner; read-only here). */
@Entity
@Immutable
@Table(name = "obligations")
public class ObligationRow extends PanacheEntityBase {

    @Id
    @Column(name = "obligation_id")
    public String obligationId;

    @Enumerated(EnumType.STRING)
    public ObligationKind kind;

    @Column(name = "source_type")
    public String sourceType;

    @Column(name = "source_id")
    public String sourceId;

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

    @Column(name = "auditor_org")
    public String auditorOrg;

    @Enumerated(EnumType.STRING)
    @Column(name = "acting_party")
    public ObligationKind.ActingParty actingParty;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "time_zone")
    public String timeZone;

    public String article;

    public String title;

    @Column(name = "met_at")
    public Instant metAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "controller_visible")
    public boolean controllerVisible;

    public String service;

    @Column(name = "resource_path")
    public String resourcePath;
}
