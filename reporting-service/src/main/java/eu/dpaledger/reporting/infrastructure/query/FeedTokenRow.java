package eu.dpaledger.reporting.infrastructure.query;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code feed_tokens}: a personal iCalendar feed token, kept as its SHA-256 only (written by this service). */
@Entity
@Table(name = "feed_tokens")
public class FeedTokenRow extends PanacheEntityBase {

    @Id
    @Column(name = "token_id")
    public UUID tokenId;

    @Column(name = "token_sha256")
    public String tokenSha256;

    public String organisation;

    public String subject;

    public String[] roles;

    public String label;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
