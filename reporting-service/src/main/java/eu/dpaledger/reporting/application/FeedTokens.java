package eu.dpaledger.reporting.application;

import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.reporting.infrastructure.query.FeedTokenRow;
import eu.dpaledger.reporting.infrastructure.query.FeedTokenStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Personal, revocable tokens for the iCalendar feed: 32 random bytes (base64url) shown once at creation; only their
 * SHA-256 is kept, with the person (subject), organisation and roles they act for. A calendar client presents the token
 * in the URL; an unknown, expired or revoked one resolves to nothing, and the three cannot be told apart.
 */
@ApplicationScoped
public class FeedTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final List<String> ROLES = List.of(Caller.CONTROLLER, Caller.PROCESSOR, Caller.AUDITOR);

    @Inject
    FeedTokenStore store;

    @Inject
    Clock clock;

    /** A token just made: the stored row and the secret, which is never shown again. */
    public record Created(FeedTokenRow row, String token) {
    }

    /** Makes a token for the caller, valid {@code days} days (the caller checked the label and the range). */
    public Uni<Created> create(Caller caller, String label, int days) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        FeedTokenRow row = new FeedTokenRow();
        row.tokenId = UUID.randomUUID();
        row.tokenSha256 = sha256(token);
        row.organisation = caller.organisation();
        row.subject = caller.subject();
        row.roles = caller.roles().stream().filter(ROLES::contains).sorted().toArray(String[]::new);
        row.label = label;
        row.createdAt = now;
        row.expiresAt = now.plus(Duration.ofDays(days));
        return store.insert(row).map(saved -> new Created(saved, token));
    }

    /** The caller's own tokens (never the secrets). */
    public Uni<ListPage<FeedTokenRow>> list(Caller caller, PageRequest page) {
        return store.of(caller.organisation(), caller.subject(), page);
    }

    /** Revokes one of the caller's own tokens; false when it is not the caller's. */
    public Uni<Boolean> revoke(Caller caller, UUID id) {
        return store.revoke(caller.organisation(), caller.subject(), id, clock.instant());
    }

    /** Whom a presented token acts for, with the roles it was made with; null when unknown, expired or revoked. */
    public Uni<Caller> resolve(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Uni.createFrom().nullItem();
        }
        return store.use(sha256(token), clock.instant())
                .map(row -> row == null ? null : new Caller(row.subject, row.organisation, java.util.Set.of(row.roles)));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
