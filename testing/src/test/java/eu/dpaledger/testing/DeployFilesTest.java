package eu.dpaledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deploy files, rendered the way their tools would (no Docker or kubectl here): Compose's services with their
 * images, ports and health-gated start order; the kustomize base gathered from its kustomization (plus the production
 * overlay's generators and images): every service present with the same image name as Compose, ports consistent from
 * container to Service to Ingress, non-root with a read-only root filesystem, probes, requests, a disruption budget,
 * the topics; and no placeholder secret anywhere.
 */
class DeployFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Integer> SERVICES = new LinkedHashMap<>(Map.of(
            "agreement-service", 8081, "subprocessor-service", 8082, "breach-service", 8083, "audit-service", 8084,
            "reporting-service", 8085));

    @Test
    void compose_runs_every_service_from_the_shared_image_names_after_its_dependencies_are_healthy() throws IOException {
        JsonNode services = YAML.readTree(DEPLOY.resolve("compose/compose.yaml").toFile()).path("services");
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            JsonNode s = services.path(service.getKey());
            assertFalse(s.isMissingNode(), service.getKey() + " in compose");
            assertEquals("dpa-ledger/" + service.getKey() + ":0.1.0", s.path("image").asText(), service.getKey());
            assertEquals(service.getValue() + ":" + service.getValue(), s.path("ports").get(0).asText(), service.getKey());
            String prefix = service.getKey().replace("-service", "").toUpperCase();
            assertEquals(String.valueOf(service.getValue()), s.path("environment").path("DPA_" + prefix + "_PORT").asText());
            for (String dependency : List.of("postgres", "kafka", "keycloak")) {
                assertEquals("service_healthy", s.path("depends_on").path(dependency).path("condition").asText(),
                        service.getKey() + " waits for " + dependency);
                assertFalse(services.path(dependency).path("healthcheck").isMissingNode(), dependency + " has a health check");
            }
            assertTrue(s.path("healthcheck").path("test").toString().contains("/q/health/ready"), service.getKey());
        }
        JsonNode demo = services.path("demo-data");
        assertTrue(demo.path("command").toString().contains("./dpa demo"), "Compose loads the demo data with the launcher's loader");
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            assertEquals("service_healthy", demo.path("depends_on").path(service.getKey()).path("condition").asText(),
                    "the demo data waits for " + service.getKey());
            String prefix = service.getKey().replace("-service", "").toUpperCase();
            if (!prefix.equals("REPORTING")) {
                assertEquals("http://" + service.getKey() + ":" + service.getValue(),
                        demo.path("environment").path("DPA_" + prefix + "_API").asText(), "the loader reaches " + service.getKey());
            }
        }
        JsonNode kafka = services.path("kafka");
        String logDirs = kafka.path("environment").path("KAFKA_LOG_DIRS").asText();
        assertTrue(kafka.path("volumes").toString().contains(":" + logDirs + "\""), "Kafka's data in its volume: " + kafka.path("volumes"));
        assertTrue(kafka.path("ports").toString().contains("9094:9094"), "Kafka reachable from the host");
        assertTrue(kafka.path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText().contains("localhost:9094"));
    }

    @Test
    void the_kustomize_base_and_overlay_render_every_service_hardened_and_consistent() throws IOException {
        List<JsonNode> resources = render(DEPLOY.resolve("k8s/base"));
        Map<String, JsonNode> byKindAndName = new LinkedHashMap<>();
        resources.forEach(r -> byKindAndName.put(r.path("kind").asText() + "/" + r.path("metadata").path("name").asText(), r));

        JsonNode ingress = byKindAndName.get("Ingress/dpa-ledger");
        assertNotNull(ingress, "an Ingress");
        Set<String> budgets = new TreeSet<>();
        resources.stream().filter(r -> r.path("kind").asText().equals("PodDisruptionBudget"))
                .forEach(r -> budgets.add(r.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText()));
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            String name = service.getKey();
            JsonNode deployment = byKindAndName.get("Deployment/" + name);
            assertNotNull(deployment, name + " Deployment");
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            assertEquals("dpa-ledger/" + name + ":0.1.0", container.path("image").asText(), "one image name with Compose");
            int port = container.path("ports").get(0).path("containerPort").asInt();
            assertEquals(service.getValue(), port, name + " container port");
            String prefix = name.replace("-service", "").toUpperCase();
            assertTrue(container.path("env").toString().contains("\"DPA_" + prefix + "_PORT\",\"value\":\"" + port + "\""),
                    name + " listens where the container port says");
            JsonNode svc = byKindAndName.get("Service/" + name);
            assertEquals(port, svc.path("spec").path("ports").get(0).path("port").asInt(), name + " Service port");
            assertTrue(ingress.path("spec").path("rules").toString().contains("\"name\":\"" + name + "\",\"port\":{\"number\":" + port + "}"),
                    name + " behind the Ingress on its port");
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), name + " runs as non-root");
            assertTrue(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean(), name + " read-only root");
            assertFalse(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true), name);
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertFalse(container.path(probe).isMissingNode(), name + " " + probe);
            }
            assertFalse(container.path("resources").path("requests").path("memory").isMissingNode(), name + " requests memory");
            assertTrue(budgets.contains(name), name + " has a disruption budget");
            assertTrue(deployment.path("spec").path("replicas").asInt() >= 2, name + " runs two replicas (the budget keeps one)");
        }
        String topics = byKindAndName.get("Job/dpa-ledger-topics").toString();
        for (String topic : List.of("dpa.agreements", "dpa.subprocessors", "dpa.breaches", "dpa.audits")) {
            assertTrue(topics.contains("--topic " + topic + " "), topic);
        }
        SERVICES.keySet().forEach(name -> assertTrue(topics.contains("--topic dpa.dlq." + name + " "), "dead letters of " + name));
        assertTrue(resources.stream().noneMatch(r -> r.path("kind").asText().equals("Secret")),
                "the base holds no Secret: an overlay generates them");

        JsonNode overlay = YAML.readTree(DEPLOY.resolve("k8s/overlays/production/kustomization.yaml").toFile());
        assertEquals("../../base", overlay.path("resources").get(0).asText());
        Set<String> generated = new TreeSet<>();
        overlay.path("secretGenerator").forEach(g -> {
            generated.add(g.path("name").asText());
            g.path("envs").forEach(env -> assertTrue(Files.exists(DEPLOY.resolve("k8s/overlays/production")
                    .resolve(env.asText() + ".example")), env.asText() + ".example shows what to fill in"));
        });
        Set<String> referenced = new TreeSet<>();
        resources.forEach(r -> collect(r, "secretRef", referenced));
        assertEquals(referenced, generated, "every Secret the services read is generated by the overlay");
        Set<String> imaged = new TreeSet<>();
        overlay.path("images").forEach(i -> imaged.add(i.path("name").asText()));
        SERVICES.keySet().forEach(name -> assertTrue(imaged.contains("dpa-ledger/" + name), name + " image set by the overlay"));
        String ignored = Files.readString(ROOT.resolve(".gitignore"));
        assertTrue(ignored.contains("deploy/k8s/overlays/*/secrets.env"), "the filled-in secrets stay out of git");
    }

    @Test
    void no_deploy_file_holds_a_placeholder_secret() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (Files.readString(file).toLowerCase().contains("change-me")) {
                    found.add(ROOT.relativize(file).toString());
                }
            }
        }
        assertTrue(found.isEmpty(), "placeholder secrets in " + found);
    }

    /** The resources of a kustomization, as kustomize gathers them (its resources, in order, every document of each). */
    private static List<JsonNode> render(Path kustomization) throws IOException {
        JsonNode k = YAML.readTree(kustomization.resolve("kustomization.yaml").toFile());
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode resource : k.path("resources")) {
            Path file = kustomization.resolve(resource.asText());
            if (Files.isDirectory(file)) {
                out.addAll(render(file));
                continue;
            }
            try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
                for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                    if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                        if (k.has("namespace") && doc instanceof ObjectNode o && !"Namespace".equals(doc.path("kind").asText())) {
                            ((ObjectNode) o.with("metadata")).put("namespace", k.path("namespace").asText());
                        }
                        out.add(doc);
                    }
                }
            }
        }
        return out;
    }

    private static void collect(JsonNode node, String field, Set<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals(field)) {
                    names.add(e.getValue().path("name").asText());
                }
                collect(e.getValue(), field, names);
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(n -> collect(n, field, names));
        }
    }
}
