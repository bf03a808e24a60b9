package eu.dpaledger.reporting.infrastructure.query;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code audit_facts}: one audit as audit-service published it (read-only here). */
@Entity
@Immutable
@Table(name = "audit_facts")
public class AuditFactRow extends PanacheEntityBase {

    @Id
    @Column(name = "audit_id")
    public String auditId;

    @Column(name = "agreement_id")
    public String agreementId;

    @Column(name = "controller_org")
    public String controllerOrg;

    @Column(name = "processor_org")
    public String processorOrg;

    @Column(name = "processor_name")
    public String processorName;

    @Column(name = "auditor_org")
    public String auditorOrg;

    public String status;

    @Column(name = "start_at")
    public Instant startAt;

    @Column(name = "end_at")
    public Instant endAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "plan_due_at")
    public Instant planDueAt;

    @Column(name = "plan_owed")
    public boolean planOwed;

    @Column(name = "next_measure_due")
    public LocalDate nextMeasureDue;
}
