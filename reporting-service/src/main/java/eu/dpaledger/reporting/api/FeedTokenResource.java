package eu.dpaledger.reporting.api;

import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.InputRules;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.http.RequestSupport;
import eu.dpaledger.platform.http.StrictQuery;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.platform.security.CallerProvider;
import eu.dpaledger.reporting.application.FeedTokens;
import eu.dpaledger.reporting.infrastructure.query.FeedTokenRow;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The caller's personal feed tokens for {@code GET /obligations.ics}: made (the token shown once), listed (never the
 * secret) and revoked by the person they belong to. No Idempotency-Key: a replayed creation would have to show the
 * secret again, and the secret is kept nowhere.
 */
@Path("/feed-tokens")
@Tag(name = "Feed tokens")
@StrictQuery
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor", "auditor"})
@SecurityRequirement(name = "bearer")
public class FeedTokenResource {

    private static final int MAX_LABEL = 100;

    @Inject
    CallerProvider callers;

    @Inject
    FeedTokens tokens;

    @Inject
    Clock clock;

    @ConfigProperty(name = "dpa.reporting.public-url")
    Optional<String> publicUrl;

    /** A token to make: a label the person recognises it by, and its life in days. */
    public record FeedTokenRequest(
            @Schema(required = true, maxLength = MAX_LABEL, description = "What the token is for, e.g. 'Outlook on my laptop'") String label,
            @Schema(minimum = "1", maximum = "365", defaultValue = "365", description = "Days until it expires") Integer expiresInDays) {
    }

    /** A feed token as listed: never the secret. */
    public record FeedTokenView(@Schema(required = true, format = "uuid") String id,
                                @Schema(required = true) String label,
                                @Schema(required = true, enumeration = {"ACTIVE", "EXPIRED", "REVOKED"}) String state,
                                @Schema(required = true) Instant createdAt,
                                @Schema(required = true) Instant expiresAt,
                                @Schema(nullable = true) Instant revokedAt,
                                @Schema(nullable = true, description = "When a calendar last fetched the feed with it") Instant lastUsedAt) {
    }

    /** A token just made: the only time its secret is shown. */
    public record FeedTokenCreated(@Schema(required = true, format = "uuid") String id,
                                   @Schema(required = true) String label,
                                   @Schema(required = true) Instant createdAt,
                                   @Schema(required = true) Instant expiresAt,
                                   @Schema(required = true, description = "The secret: shown this once, kept only as its SHA-256") String token,
                                   @Schema(required = true, description = "The URL to subscribe to in a calendar") String feedUrl) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createFeedToken", summary = "Make a personal feed token for the iCalendar deadlines feed; the token is "
            + "shown once", description = "label 1 to 100 characters; expiresInDays 1 to 365 (default 365). The feed shows what the caller's "
            + "roles showed when the token was made. No Idempotency-Key: a replay would have to show the secret again.")
    @APIResponse(responseCode = "201", description = "Made; Location set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FeedTokenCreated.class)))
    public Uni<Response> create(FeedTokenRequest body, @Context UriInfo uri) {
        RequestSupport.requireBody(body);
        Caller caller = callers.current();
        String label = body.label() == null ? null : body.label().strip();
        if (label == null || label.isEmpty()) {
            throw InputRules.violation(400, "field-required", "Field required", "label", "is required");
        }
        if (label.codePointCount(0, label.length()) > MAX_LABEL) {
            throw InputRules.violation(400, "field-too-long", "Field too long", "label", "is longer than " + MAX_LABEL + " characters");
        }
        int days = body.expiresInDays() == null ? 365 : body.expiresInDays();
        if (days < 1 || days > 365) {
            throw InputRules.violation(400, "invalid-field", "Invalid field", "expiresInDays", "must be from 1 to 365 (got " + days + ")");
        }
        String base = publicUrl.map(u -> u.endsWith("/") ? u : u + "/").orElse(uri.getBaseUri().toString());
        return tokens.create(caller, label, days).map(created -> Response.created(URI.create("/feed-tokens/" + created.row().tokenId))
                .entity(new FeedTokenCreated(created.row().tokenId.toString(), created.row().label, created.row().createdAt,
                        created.row().expiresAt, created.token(), base + "obligations.ics?token=" + created.token()))
                .header("Cache-Control", "no-store").build());
    }

    @GET
    @Operation(operationId = "listFeedTokens", summary = "The caller's own feed tokens (never the secrets), newest first, a page at a time")
    public Uni<ListPage<FeedTokenView>> list(@BeanParam PageParams page) {
        Instant now = clock.instant();
        return tokens.list(callers.current(), page.request()).map(result -> result.map(row -> view(row, now)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeFeedToken", summary = "Revoke one of the caller's own feed tokens: the feed answers 404 from now on")
    @APIResponse(responseCode = "204", description = "Revoked (also when it already was)")
    public Uni<Response> revoke(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id) {
        UUID tokenId;
        try {
            tokenId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.notFound("The feed token");
        }
        return tokens.revoke(callers.current(), tokenId).map(revoked -> {
            if (!revoked) {
                throw HttpProblem.notFound("The feed token");
            }
            return Response.noContent().build();
        });
    }

    private static FeedTokenView view(FeedTokenRow row, Instant now) {
        String state = row.revokedAt != null ? "REVOKED" : now.isBefore(row.expiresAt) ? "ACTIVE" : "EXPIRED";
        return new FeedTokenView(row.tokenId.toString(), row.label, state, row.createdAt, row.expiresAt, row.revokedAt, row.lastUsedAt);
    }
}
