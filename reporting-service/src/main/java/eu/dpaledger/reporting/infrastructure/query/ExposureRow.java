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

    /** The name as subprocessor-service compares it (trimmed, spaces collapsed, lower case): the grouping key. */
    @Id
    @Column(name = "name_key")
    public String nameKey;

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

    @Column(name = "removed_by_change")
    public String removedByChange;

    /** The composite key (agreement, name key). */
    public static class Key implements Serializable {
        public String agreementId;
        public String nameKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(agreementId, k.agreementId) && Objects.equals(nameKey, k.nameKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(agreementId, nameKey);
        }
    }
}
