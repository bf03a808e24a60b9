package eu.dpaledger.reporting.infrastructure.query;

import eu.dpaledger.platform.http.InputRules;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The feed tokens ({@code feed_tokens}): kept as SHA-256 only, each of one person (subject) of one organisation. */
@ApplicationScoped
public class FeedTokenStore {

    @WithTransaction
    public Uni<FeedTokenRow> insert(FeedTokenRow row) {
        return row.persist();
    }

    /** The person's tokens, newest first (ties by id), a page at a time. */
    @WithSession
    public Uni<ListPage<FeedTokenRow>> of(String organisation, String subject, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>(Map.of("org", organisation, "subject", subject));
        String keyset = "";
        Instant afterCreated = page.instant(0);
        if (afterCreated != null) {
            UUID afterId;
            try {
                afterId = UUID.fromString(page.text(1));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw InputRules.violation(400, "invalid-cursor", "Invalid cursor", "cursor",
                        "is not a cursor this list issued; start without one, then pass the nextCursor of the page before");
            }
            keyset = " and (t.createdAt < :afterCreated or (t.createdAt = :afterCreated and t.tokenId < :afterId))";
            parameters.put("afterCreated", afterCreated);
            parameters.put("afterId", afterId);
        }
        return FeedTokenRow.<FeedTokenRow>find("from FeedTokenRow t where t.organisation = :org and t.subject = :subject" + keyset
                        + " order by t.createdAt desc, t.tokenId desc", parameters).range(0, page.fetch() - 1).list()
                .map(rows -> page.page(rows, row -> List.of(row.createdAt, row.tokenId), Map.of()));
    }

    /** Revokes the person's token; false when it is not theirs (or does not exist). Revoking twice keeps the first instant. */
    @WithTransaction
    public Uni<Boolean> revoke(String organisation, String subject, UUID id, Instant at) {
        return FeedTokenRow.<FeedTokenRow>findById(id).map(row -> {
            if (row == null || !row.organisation.equals(organisation) || !row.subject.equals(subject)) {
                return false;
            }
            if (row.revokedAt == null) {
                row.revokedAt = at;
            }
            return true;
        });
    }

    /** The token with this hash if it is neither revoked nor expired at {@code now} (its last use recorded), else null. */
    @WithTransaction
    public Uni<FeedTokenRow> use(String sha256, Instant now) {
        return FeedTokenRow.<FeedTokenRow>find("tokenSha256", sha256).firstResult().map(row -> {
            if (row == null || row.revokedAt != null || !now.isBefore(row.expiresAt)) {
                return null;
            }
            row.lastUsedAt = now;
            return row;
        });
    }
}
