package eu.dpaledger.platform.openapi;

import eu.dpaledger.platform.http.Problems;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every service's OpenAPI document says the same way, added once at build time (docs/ARCHITECTURE.md, "The API
 * contract"): the {@code Problem} schema (RFC 9457 with our members {@code violations}, {@code incident},
 * {@code article}) on every 4xx and 5xx; the refusals the HTTP conventions can give on each kind of operation (400 on
 * input, 401/403 on every operation, 404 on an addressed resource, 409 on commands, 412/428 on commands on an
 * existing resource (those taking If-Match), 413 on bodies, 422 on a reused {@code Idempotency-Key}, 500 with an incident id); and the headers: the request's and
 * response's {@code X-Correlation-Id}, a command's {@code ETag} and {@code Idempotent-Replayed}, a creating command's
 * {@code Location} (a 201 without If-Match, unless the operation states {@link #NO_LOCATION}; an operation states any
 * other Location itself), and the {@code ETag} of a
 * read whose answer is a command's view. What an operation states itself is kept; this only adds.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    static final String PROBLEM = "#/components/schemas/Problem";
    static final String CORRELATION = "X-Correlation-Id";
    /**
     * An operation extension a creating command states when its new resource has no address to point to (a recorded
     * proof): {@code @Operation(extensions = @Extension(name = ContractFilter.NO_LOCATION, value = "true"))}.
     */
    public static final String NO_LOCATION = "x-dpa-no-location";

    private static final Map<String, String> STANDARD = Map.of(
            "400", "The input is not acceptable; `violations` names the field",
            "401", "No valid bearer token",
            "403", "The caller's role may not do this",
            "404", "Unknown, or not visible to the caller's organisation",
            "409", "The resource's state does not allow this now (the problem's type names the rule, `article` its source)",
            "412", "If-Match is not the current ETag: read the resource again",
            "413", "The request body is larger than the server reads",
            "422", "The Idempotency-Key was used with another request",
            "428", "If-Match is missing: commands on an existing resource need the ETag you read",
            "500", "Unexpected error; `incident` identifies it in the server's log");

    private static final Map<String, String> HEADERS = new TreeMap<>(Map.of(
            CORRELATION, "The request's correlation id, or the one the server gave it",
            "ETag", "The resource's version (a quoted stream version): send it as If-Match on the next command",
            "Idempotent-Replayed", "`true` when this is the stored answer to an earlier request with the same Idempotency-Key",
            "Location", "The new resource's path"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema("Violation", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One field that was not acceptable")
                .addProperty("field", string("The field, as a JSON path into the body or the parameter's name"))
                .addProperty("message", string("What is wrong with it"))
                .required(List.of("field", "message")));
        components.addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, with the members this API adds")
                .addProperty("type", string("A stable URI per rule: " + Problems.TYPE_BASE + "<rule>").format("uri"))
                .addProperty("title", string("A short summary of the rule"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string("What happened in this case"))
                .addProperty("instance", string("The request path"))
                .addProperty("article", string("The rule's legal or contractual source, e.g. `DPA art. 9.1`, "
                        + "`GDPR art. 33(1)`; `dpa-ledger rule` for the API's own conventions"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/Violation")))
                .addProperty("incident", string("On a 500: the id of the log entry with the cause"))
                .required(List.of("type", "title", "status", "detail")));

        HEADERS.forEach((name, description) -> components.addHeader(name,
                OASFactory.createHeader().description(description).schema(string(null))));

        components.addParameter(CORRELATION, OASFactory.createParameter().name(CORRELATION).in(Parameter.In.HEADER)
                .description("Your id for this request, echoed on the response. Kept when it is 1 to 128 letters, digits and "
                        + ". _ : + / = -; otherwise, or when absent, the server makes a UUID. Written in the server's log lines "
                        + "of the request, recorded with the events it causes, their Kafka records and webhook deliveries.")
                .schema(string(null).maxLength(128).pattern("^[A-Za-z0-9._:+/=-]{1,128}$")));

        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> commandViews = new HashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach((method, op) -> {
            if (isCommand(op)) {
                successes(op).forEach(response -> commandViews.add(schemaRef(response)));
            }
        }));
        commandViews.remove(null);
        openAPI.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach((method, op) ->
                complete(path, method, op, commandViews)));
    }

    private static void complete(String path, String method, Operation op, Set<String> commandViews) {
        if (!hasParameter(op, CORRELATION)) {
            op.addParameter(OASFactory.createParameter().ref("#/components/parameters/" + CORRELATION));
        }
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        boolean command = isCommand(op);
        boolean input = op.getRequestBody() != null || command
                || (op.getParameters() != null && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY));
        add(responses, "401");
        add(responses, "403");
        add(responses, "500");
        if (input) {
            add(responses, "400");
        }
        if (path.contains("{")) {
            add(responses, "404");
        }
        if (op.getRequestBody() != null) {
            add(responses, "413");
        }
        if (hasParameter(op, "Idempotency-Key")) {
            add(responses, "422");
        }
        if (command) {
            add(responses, "409");
        }
        if (hasParameter(op, "If-Match")) {
            add(responses, "412");
            add(responses, "428");
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(OASFactory.createContent().addMediaType(Problems.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
            }
            header(response, CORRELATION);
        });
        for (APIResponse success : successes(op)) {
            if (command || ("GET".equals(method) && commandViews.contains(schemaRef(success)))) {
                header(success, "ETag");
            }
            if (command) {
                header(success, "Idempotent-Replayed");
            }
        }
        APIResponse created = responses.getAPIResponse("201");
        boolean noLocation = op.getExtensions() != null && op.getExtensions().containsKey(NO_LOCATION);
        if (noLocation) {
            op.removeExtension(NO_LOCATION);
        }
        if (created != null && command && !hasParameter(op, "If-Match") && !noLocation) {
            header(created, "Location");
        }
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
    }

    private static boolean isCommand(Operation op) {
        return hasParameter(op, "Idempotency-Key");
    }

    private static List<APIResponse> successes(Operation op) {
        if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
            return List.of();
        }
        return op.getResponses().getAPIResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2")).map(Map.Entry::getValue).toList();
    }

    private static String schemaRef(APIResponse response) {
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null) {
            return null;
        }
        MediaType json = content.getMediaType("application/json");
        return json == null || json.getSchema() == null ? null : json.getSchema().getRef();
    }

    private static void add(APIResponses responses, String code) {
        if (responses.getAPIResponse(code) == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(STANDARD.get(code)));
        }
    }

    /** Adds the response header {@code name} as a reference to its one description in {@code components.headers}. */
    private static void header(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
        }
    }

    private static boolean hasParameter(Operation op, String name) {
        return op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static Map<String, Operation> operations(PathItem item) {
        Map<String, Operation> out = new TreeMap<>();
        item.getOperations().forEach((method, op) -> out.put(method.name(), op));
        return out;
    }

    private static Schema string(String description) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return description == null ? schema : schema.description(description);
    }
}
