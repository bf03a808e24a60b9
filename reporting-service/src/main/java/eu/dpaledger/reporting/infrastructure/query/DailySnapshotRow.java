package eu.dpaledger.reporting.infrastructure.query;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A row of {@code daily_snapshots}: one organisation's figures of one day (written by the snapshot job). */
@Entity
@Table(name = "daily_snapshots")
@IdClass(DailySnapshotRow.Key.class)
public class DailySnapshotRow extends PanacheEntityBase {

    @Id
    public String organisation;

    @Id
    public LocalDate day;

    /**
     * {@link SnapshotFigures} per role as JSON ({@code jsonb}); written and read as text by {@link SnapshotStore} in SQL
     * ({@code CAST(... AS jsonb)}, {@code figures::text}), never through this field.
     */
    @Column(insertable = false, updatable = false)
    public String figures;

    @Column(name = "taken_at")
    public Instant takenAt;

    /** The composite key (organisation, day). */
    public static class Key implements Serializable {
        public String organisation;
        public LocalDate day;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organisation, k.organisation) && Objects.equals(day, k.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisation, day);
        }
    }
}
