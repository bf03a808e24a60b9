package eu.dpaledger.subprocessor.api;

import eu.dpaledger.platform.agreements.AgreementDirectory;
import eu.dpaledger.platform.command.CreateHeaders;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.command.StreamCommands;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.http.ETags;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.InputRules;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.subprocessor.application.AnnouncementFanout;
import eu.dpaledger.subprocessor.domain.announcement.AnnouncementCommand;
import eu.dpaledger.subprocessor.domain.announcement.AnnouncementRecord;
import eu.dpaledger.subprocessor.domain.announcement.Selection;
import eu.dpaledger.subprocessor.infrastructure.AnnouncementBinding;
import eu.dpaledger.subprocessor.infrastructure.AnnouncementReadModel;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Processor-wide sub-processor announcements: one change announced for all of a processor's ACTIVE agreements (or a
 * chosen set), fanned out into one change notice per agreement (DPA art. 6.1 for each, its own objection window).
 * Only the announcing processor's organisation sees an announcement; each controller sees its own notice under
 * {@code /subprocessor-changes}.
 */
@Path("/subprocessor-announcements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor"})
@Tag(name = "Sub-processor announcements")
@SecurityRequirement(name = "bearer")
public class SubprocessorAnnouncementResource {

    @Inject
    StreamCommands commands;

    @Inject
    AnnouncementBinding announcements;

    @Inject
    AgreementDirectory directory;

    @Inject
    AnnouncementReadModel readModel;

    @Inject
    AnnouncementFanout fanout;

    @POST
    @Operation(operationId = "announceSubprocessorChangeToAll",
            summary = "Announce a sub-processor change to all ACTIVE agreements of the processor, or a chosen set (DPA art. 6.1 for each)",
            description = "The announcement is recorded at once with the agreements it goes to (ACTIVE now; agreements activated later are not "
                    + "touched); a fan-out then issues one change notice per agreement, each with that agreement's own objection window counted "
                    + "from when it is issued, and records its progress on the announcement. A notice an agreement refuses (its registry already "
                    + "engages the sub-processor, say) is listed with the problem. intendedFrom must not fall before any agreement's window ends. "
                    + "Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Announced; Location and ETag set; the fan-out has begun",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnouncementView.class)))
    @APIResponse(responseCode = "400", description = "Missing field, invalid country, transfer-outside-eea-without-mechanism, duplicate-agreement, too-many-agreements")
    @APIResponse(responseCode = "403", description = "only-processor-announces-changes")
    @APIResponse(responseCode = "409", description = "agreement-not-active (a chosen agreement)")
    @APIResponse(responseCode = "422", description = "no-active-agreements, unknown-agreement, intended-before-objection-window-ends")
    public Uni<Response> announce(@BeanParam CreateHeaders headers, Requests.Announcement body) {
        String id = UUID.randomUUID().toString();
        Caller caller = commands.caller();
        List<String> chosen = body == null ? null : body.agreementIds();
        Uni<List<AgreementFacts>> targets = body == null || caller.organisation() == null ? Uni.createFrom().item(List.of())
                : chosen == null ? directory.activeOfProcessor(caller.organisation())
                : directory.findAll(chosen.stream().filter(java.util.Objects::nonNull).distinct().toList());
        return commands.create(announcements, id, headers, body, targets,
                        given -> new AnnouncementCommand.Announce(id, chosen == null ? Selection.ALL_ACTIVE : Selection.CHOSEN, chosen,
                                given.context(), body.kind(), body.subprocessor(), body.replaces(), body.intendedFrom(), body.reason(),
                                given.actor(), given.at()),
                        loaded -> AnnouncementView.of(record(loaded), loaded.version(), AnnouncementView.recorded(record(loaded))),
                        "/subprocessor-announcements/" + id)
                .invoke(response -> {
                    if (response.getStatus() == 201) {
                        fanout.trigger();
                    }
                });
    }

    @GET
    @Operation(operationId = "listSubprocessorAnnouncements",
            summary = "The caller's organisation's announcements as processor, newest first, a page at a time (empty for a controller)")
    public Uni<ListPage<AnnouncementReadModel.Summary>> list(@BeanParam PageParams params) {
        PageRequest page = params.request();
        Caller caller = commands.caller();
        if (!caller.hasRole(eu.dpaledger.platform.domain.Actor.PROCESSOR)) {
            return Uni.createFrom().item(page.page(List.<AnnouncementReadModel.Summary>of(), a -> List.of(), PageRequest.filters()));
        }
        return readModel.announcements(caller.organisation(), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSubprocessorAnnouncement",
            summary = "One announcement (its processor only): how many notices were created, refused, are waiting, pending, objected, accepted")
    @APIResponse(responseCode = "200", description = "The announcement; ETag = stream version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnouncementView.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.read(announcements, id).flatMap(loaded -> readModel.counts(id)
                .map(counts -> Response.ok(AnnouncementView.of(record(loaded), loaded.version(), counts))
                        .header("ETag", ETags.of(loaded.version())).build()));
    }

    @GET
    @Path("/{id}/notices")
    @Operation(operationId = "listSubprocessorAnnouncementNotices",
            summary = "The announcement's agreements and their notices, in fan-out order, a page at a time (its processor only)")
    public Uni<ListPage<AnnouncementReadModel.Notice>> notices(
            @PathParam("id") String id,
            @QueryParam("status") @Parameter(description = "Only notices in this state",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"WAITING", "REFUSED", "ISSUED", "ANNOUNCED", "OBJECTED",
                            "ACCEPTED", "IN_EFFECT", "WITHDRAWN", "SUPERSEDED"})) String status,
            @BeanParam PageParams params) {
        String state = state(status);
        PageRequest page = params.request();
        return commands.read(announcements, id).flatMap(loaded -> readModel.notices(id, state, page));
    }

    private static String state(String status) {
        if (status != null && !AnnouncementReadModel.STATES.contains(status)) {
            throw InputRules.violation(400, "invalid-status", "Invalid status", "status", "must be one of " + AnnouncementReadModel.STATES);
        }
        return status;
    }

    private static AnnouncementRecord record(Loaded<Optional<AnnouncementRecord>> loaded) {
        return loaded.state().orElseThrow(() -> HttpProblem.notFound("The announcement"));
    }
}
