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

/** A row of {@code subprocessor_exposure}: one sub-processor of one agreement (read-only here). */
@Entity
@Immutable
@Table(name = "subprocessor_exposure")
@IdClass(ExposureRow.Key.class)
public class ExposureRow extends PanacheEntityBase {

    @Id
    @Column(name = "agreement_id")
    public String agreementId;

    @Id
    public String name;

    public String country;

    @Column(name = "head_office")
    public String headOffice;

    @Column(name = "transfer_mechanism")
    public String transferMechanism;

    @Column(name = "third_country")
    public boolean thirdCountry;

    public String basis;

    @Column(name = "change_id")
    public String changeId;

    public Instant since;

    @Column(name = "removed_at")
    public Instant removedAt;

    /** The composite key (agreement, name). */
    public static class Key implements Serializable {
        public String agreementId;
        public String name;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(agreementId, k.agreementId) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(agreementId, name);
        }
    }
}
