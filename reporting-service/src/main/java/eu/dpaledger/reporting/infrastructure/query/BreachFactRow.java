package eu.dpaledger.reporting.infrastructure.query;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** A row of {@code breach_facts}: one breach as breach-service published it (read-only here). */
@Entity
@Immutable
@Table(name = "breach_facts")
public class BreachFactRow extends PanacheEntityBase {

    @Id
    @Column(name = "breach_id")
    public String breachId;

    @Column(name = "agreement_id")
    public String agreementId;

    @Column(name = "controller_org")
    public String controllerOrg;

    @Column(name = "processor_org")
    public String processorOrg;

    @Column(name = "processor_name")
    public String processorName;

    public String kind;

    public String status;

    public String risk;

    @Column(name = "processor_aware_at")
    public Instant processorAwareAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "report_due_at")
    public Instant reportDueAt;

    @Column(name = "late_by_seconds")
    public long lateBySeconds;

    @Column(name = "controller_aware_at")
    public Instant controllerAwareAt;

    @Column(name = "notification_due_at")
    public Instant notificationDueAt;

    @Column(name = "notification_open")
    public boolean notificationOpen;

    @Column(name = "notified_at")
    public Instant notifiedAt;

    @Column(name = "notification_missed")
    public boolean notificationMissed;
}
