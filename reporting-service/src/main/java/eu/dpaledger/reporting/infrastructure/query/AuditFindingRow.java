package eu.dpaledger.reporting.infrastructure.query;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A row of {@code audit_findings}: one finding of one audit (read-only here). */
@Entity
@Immutable
@Table(name = "audit_findings")
@IdClass(AuditFindingRow.Key.class)
public class AuditFindingRow extends PanacheEntityBase {

    @Id
    @Column(name = "audit_id")
    public String auditId;

    @Id
    @Column(name = "finding_id")
    public String findingId;

    public String severity;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** The composite key (audit, finding). */
    public static class Key implements Serializable {
        public String auditId;
        public String findingId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(auditId, k.auditId) && Objects.equals(findingId, k.findingId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(auditId, findingId);
        }
    }
}
