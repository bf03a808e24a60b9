package eu.dpaledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code docs/api/asyncapi.yaml} is a valid AsyncAPI 3.0.0 document (the official JSON Schema, from
 * {@code @asyncapi/specs}, see {@code asyncapi/NOTICE}) and it says what the services really publish: every
 * contract schema of every service ({@code <service>/src/main/resources/contracts/<ce type>.schema.json}) is a
 * message of the channel of that service's topic and of its send operation, every message is one such schema,
 * and every {@code $ref} resolves. A type several services publish (the kernel's
 * {@code eu.dpaledger.personaldata.PersonalDataErased.v1}, {@code eu.dpaledger.checkpoint.CheckpointSigned.v1},
 * {@code eu.dpaledger.evidenceexport.EvidenceBundleExported.v1}) has an identical copy of its schema in each one's
 * {@code contracts/} (a test class path that holds several, as reporting-service's, finds any one of them), is a
 * message of each one's channel, and is one message whose {@code ce_source} names each of them and whose payload
 * is one of the copies. Plain JUnit over the repository's files: runs in every build, also with
 * {@code -DskipE2E}.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = repositoryRoot();
    private static final Path DOCUMENT = ROOT.resolve("docs/api/asyncapi.yaml");
    private static final String SCHEMA_SUFFIX = ".schema.json";
    private static final String ERASED = "eu.dpaledger.personaldata.PersonalDataErased.v1";
    private static final String CHECKPOINT = "eu.dpaledger.checkpoint.CheckpointSigned.v1";
    private static final String EXPORTED = "eu.dpaledger.evidenceexport.EvidenceBundleExported.v1";

    @Test
    void the_document_is_valid_asyncapi_3_0_0() {
        JsonNode document = document();
        assertEquals("3.0.0", document.path("asyncapi").asText());
        Set<String> violations = asyncApiSchema().validate(document).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertTrue(violations.isEmpty(), "docs/api/asyncapi.yaml is not valid AsyncAPI 3.0.0: " + violations);
    }

    @Test
    void every_reference_resolves() {
        List<String> unresolved = unresolvedReferences(document(), DOCUMENT);
        assertTrue(unresolved.isEmpty(), "unresolved $ref: " + unresolved);
    }

    @Test
    void every_contract_schema_of_every_service_is_a_message_of_its_topic() {
        Map<String, Service> services = services();
        assertEquals(Set.of("agreement-service", "subprocessor-service", "breach-service", "audit-service"), services.keySet());
        assertEquals(90, services.values().stream().mapToInt(s -> s.types().size()).sum(), "contract schema files");
        assertEquals(82, publishers(services).size(),
                "event types (the kernel's PersonalDataErased.v1 in three services, CheckpointSigned.v1 and EvidenceBundleExported.v1 in four)");
        assertEquals(Set.of("agreement-service", "breach-service", "audit-service"), publishers(services).get(ERASED), ERASED);
        assertEquals(services.keySet(), publishers(services).get(CHECKPOINT), CHECKPOINT);
        assertEquals(services.keySet(), publishers(services).get(EXPORTED), EXPORTED);
        List<String> problems = problems(document(), services);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void a_forgotten_message_is_reported() {
        // The check itself can fail: a document that lost one event type everywhere is still valid AsyncAPI,
        // but the contract check names the missing type.
        String forgotten = "eu.dpaledger.breach.RiskAssessed.v1";
        ObjectNode document = (ObjectNode) document();
        ((ObjectNode) document.path("components").path("messages")).remove(forgotten);
        ((ObjectNode) document.path("channels").path("breaches").path("messages")).remove(forgotten);
        for (JsonNode operation : document.path("operations")) {
            ArrayNode messages = (ArrayNode) operation.path("messages");
            for (Iterator<JsonNode> it = messages.iterator(); it.hasNext(); ) {
                if (it.next().path("$ref").asText().endsWith("/" + forgotten)) {
                    it.remove();
                }
            }
        }
        assertTrue(asyncApiSchema().validate(document).isEmpty(), "still valid AsyncAPI");
        assertTrue(unresolvedReferences(document, DOCUMENT).isEmpty(), "no dangling reference left");
        List<String> problems = problems(document, services());
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().allMatch(p -> p.contains(forgotten)), problems.toString());

        ObjectNode stray = (ObjectNode) document();
        ((ObjectNode) stray.path("components").path("messages").path("eu.dpaledger.audit.AuditScheduled.v1"))
                .put("name", "eu.dpaledger.audit.AuditPlanned.v1");
        assertTrue(problems(stray, services()).stream().anyMatch(p -> p.contains("AuditPlanned")), "a renamed message is reported");
    }

    @Test
    void a_type_several_services_publish_names_them_all_and_has_one_schema() {
        ObjectNode oneSource = (ObjectNode) document();
        ((ObjectNode) oneSource.at("/components/messages/" + ERASED + "/headers/properties/ce_source"))
                .removeAll().put("const", "/dpa-ledger/agreement-service");
        assertTrue(problems(oneSource, services()).stream().anyMatch(p -> p.contains(ERASED) && p.contains("ce_source")),
                "a publisher missing from ce_source is reported");

        ObjectNode oneChannel = (ObjectNode) document();
        ((ObjectNode) oneChannel.path("channels").path("audits").path("messages")).remove(ERASED);
        assertTrue(problems(oneChannel, services()).stream()
                        .anyMatch(p -> p.startsWith("audit-service publishes " + ERASED) && p.contains("not a message of channel audits")),
                "a publisher's channel without the message is reported");

        ObjectNode noCheckpoint = (ObjectNode) document();
        ((ObjectNode) noCheckpoint.path("channels").path("subprocessors").path("messages")).remove(CHECKPOINT);
        assertTrue(problems(noCheckpoint, services()).stream()
                        .anyMatch(p -> p.startsWith("subprocessor-service publishes " + CHECKPOINT) && p.contains("not a message of channel subprocessors")),
                "a kernel event missing from one of the four channels is reported");
    }

    @Test
    void copies_of_a_shared_schema_that_differ_are_reported(@TempDir Path copy) throws IOException {
        Map<String, Service> services = new TreeMap<>();
        for (Service s : services().values()) {
            Path contracts = Files.createDirectories(copy.resolve(s.name()));
            for (String type : s.types()) {
                Files.copy(s.contracts().resolve(type + SCHEMA_SUFFIX), contracts.resolve(type + SCHEMA_SUFFIX));
            }
            services.put(s.name(), new Service(s.name(), s.topic(), contracts, s.types()));
        }
        assertTrue(problems(document(), services).stream().noneMatch(p -> p.contains("differ")), "identical copies");
        Path breach = copy.resolve("breach-service").resolve(ERASED + SCHEMA_SUFFIX);
        Files.writeString(breach, Files.readString(breach).replace("\"minItems\": 1,", ""));
        assertTrue(problems(document(), services).stream().anyMatch(p -> p.contains(ERASED) && p.contains("differ")),
                "a copy that differs is reported");
    }

    /** A service that publishes: its topic (from its outgoing channel's configuration) and its contract types. */
    record Service(String name, String topic, Path contracts, Set<String> types) {
    }

    /** What the document gets wrong about the services' contracts; empty when it describes them all. */
    static List<String> problems(JsonNode document, Map<String, Service> services) {
        List<String> problems = new ArrayList<>();
        JsonNode components = document.path("components").path("messages");
        Map<String, Set<String>> publishers = publishers(services);
        for (Service service : services.values()) {
            String channelKey = channelOf(document, service.topic());
            if (channelKey == null) {
                problems.add(service.name() + ": no channel with address " + service.topic());
                continue;
            }
            JsonNode channel = document.path("channels").path(channelKey);
            JsonNode send = sendOperation(document, channelKey);
            if (send == null) {
                problems.add(service.name() + ": no send operation on channel " + channelKey);
            }
            for (String type : service.types()) {
                String where = service.name() + " publishes " + type + " on " + service.topic() + ": ";
                if (!("#/components/messages/" + type).equals(channel.path("messages").path(type).path("$ref").asText())) {
                    problems.add(where + "not a message of channel " + channelKey);
                }
                if (send != null && !refs(send.path("messages")).contains("#/channels/" + channelKey + "/messages/" + type)) {
                    problems.add(where + "not a message of the send operation");
                }
            }
            channel.path("messages").fieldNames().forEachRemaining(key -> {
                if (!service.types().contains(key)) {
                    problems.add("channel " + channelKey + " has message " + key + " that " + service.name() + " has no contract schema for");
                }
            });
        }
        publishers.forEach((type, names) -> {
            String where = type + " (published by " + String.join(", ", names) + "): ";
            JsonNode message = components.path(type);
            if (message.isMissingNode()) {
                problems.add(where + "no components/messages entry");
                return;
            }
            JsonNode headers = message.path("headers").path("properties");
            if (!type.equals(headers.path("ce_type").path("const").asText())) {
                problems.add(where + "its headers do not fix ce_type to it");
            }
            Set<String> sources = new java.util.TreeSet<>();
            if (headers.path("ce_source").has("const")) {
                sources.add(headers.path("ce_source").path("const").asText());
            }
            headers.path("ce_source").path("enum").forEach(v -> sources.add(v.asText()));
            Set<String> expected = names.stream().map(n -> "/dpa-ledger/" + n).collect(Collectors.toCollection(java.util.TreeSet::new));
            if (!sources.equals(expected)) {
                problems.add(where + "its headers fix ce_source to " + sources + ", not to its publishers " + expected);
            }
            List<Path> copies = names.stream().map(n -> services.get(n).contracts().resolve(type + SCHEMA_SUFFIX).normalize()).toList();
            Path payload = DOCUMENT.getParent().resolve(message.path("payload").path("schema").path("$ref").asText()).normalize();
            if (!copies.contains(payload)) {
                problems.add(where + "payload is not its contract schema " + copies + " but " + payload);
            }
            if (copies.stream().map(AsyncApiDocumentTest::readString).distinct().count() > 1) {
                problems.add(where + "the copies of its contract schema differ: " + copies);
            }
        });
        components.fields().forEachRemaining(e -> {
            String name = e.getValue().path("name").asText();
            if (!e.getKey().equals(name) || !publishers.containsKey(name)) {
                problems.add("message " + e.getKey() + " (name " + name + ") is not the ce_type of a contract schema file");
            }
        });
        return problems;
    }

    /** Each type and the services that have its contract schema (several for a kernel event such as PersonalDataErased or CheckpointSigned). */
    static Map<String, Set<String>> publishers(Map<String, Service> services) {
        Map<String, Set<String>> publishers = new TreeMap<>();
        services.values().forEach(s -> s.types().forEach(t -> publishers.computeIfAbsent(t, k -> new java.util.TreeSet<>()).add(s.name())));
        return publishers;
    }

    /** Every {@code $ref} of the document: local pointers into it, relative files (and their fragments) from its folder. */
    static List<String> unresolvedReferences(JsonNode document, Path location) {
        List<String> unresolved = new ArrayList<>();
        collectRefs(document).forEach(ref -> {
            int hash = ref.indexOf('#');
            String file = hash < 0 ? ref : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            JsonNode target = document;
            if (!file.isEmpty()) {
                Path path = location.getParent().resolve(file).normalize();
                if (!Files.isRegularFile(path)) {
                    unresolved.add(ref + " (no file " + path + ")");
                    return;
                }
                target = readJson(path);
                unresolved.addAll(unresolvedReferences(target, path).stream().map(r -> ref + " → " + r).toList());
            }
            if (!pointer.isEmpty() && target.at(pointer).isMissingNode()) {
                unresolved.add(ref + " (no " + pointer + ")");
            }
        });
        return unresolved;
    }

    private static List<String> collectRefs(JsonNode node) {
        List<String> refs = new ArrayList<>();
        if (node.isObject() && node.path("$ref").isTextual()) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> refs.addAll(collectRefs(child)));
        return refs;
    }

    private static Set<String> refs(JsonNode list) {
        Set<String> refs = new java.util.HashSet<>();
        list.forEach(r -> refs.add(r.path("$ref").asText()));
        return refs;
    }

    private static String channelOf(JsonNode document, String topic) {
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("channels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (topic.equals(e.getValue().path("address").asText())) {
                return e.getKey();
            }
        }
        return null;
    }

    private static JsonNode sendOperation(JsonNode document, String channelKey) {
        for (JsonNode operation : document.path("operations")) {
            if ("send".equals(operation.path("action").asText())
                    && ("#/channels/" + channelKey).equals(operation.path("channel").path("$ref").asText())) {
                return operation;
            }
        }
        return null;
    }

    /** The services of the repository: every {@code *-service} folder with a {@code contracts/} directory. */
    static Map<String, Service> services() {
        Map<String, Service> services = new TreeMap<>();
        try (Stream<Path> folders = Files.list(ROOT)) {
            for (Path folder : folders.filter(f -> f.getFileName().toString().endsWith("-service")).sorted().toList()) {
                Path contracts = folder.resolve("src/main/resources/contracts");
                if (!Files.isDirectory(contracts)) {
                    continue;
                }
                Properties config = new Properties();
                try (Reader in = Files.newBufferedReader(folder.resolve("src/main/resources/application.properties"))) {
                    config.load(in);
                }
                Set<String> types;
                try (Stream<Path> files = Files.list(contracts)) {
                    types = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(SCHEMA_SUFFIX))
                            .map(n -> n.substring(0, n.length() - SCHEMA_SUFFIX.length()))
                            .collect(Collectors.toCollection(java.util.TreeSet::new));
                }
                String name = folder.getFileName().toString();
                services.put(name, new Service(name, config.getProperty("mp.messaging.outgoing.dpa-outbox.topic"), contracts, types));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return services;
    }

    private static JsonNode document() {
        try {
            return new YAMLMapper().readTree(DOCUMENT.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema asyncApiSchema() {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0-without-id.json")) {
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            // Draft-07 (the factory's dialect); the id-less variant refers only to its own definitions, nothing is fetched.
            schema.remove("$schema");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tests run with the module as working directory; the repository root is the folder with docs/api. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/api/asyncapi.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("docs/api/asyncapi.yaml not found above " + Path.of("").toAbsolutePath());
    }
}
