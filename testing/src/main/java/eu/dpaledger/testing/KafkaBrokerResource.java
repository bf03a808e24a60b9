package eu.dpaledger.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A real single-node KRaft Kafka broker inside the test JVM (no Docker on this machine). Started once
 * per JVM and shared by every test profile; publishes {@code kafka.bootstrap.servers}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static final String SHARED_ADDRESS = "dpa.test.kafka.bootstrap-servers";

    private static KafkaRaftServer server;
    private static String bootstrapServers;
    private static Path dataDir;

    @Override
    public synchronized Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared across profiles within the JVM; a shutdown hook stops it when the JVM ends.
    }

    /**
     * Starts the broker if needed and returns its bootstrap address. Quarkus loads test classes anew for
     * each test profile, so this class's fields do not survive a profile switch: the address is also kept
     * in a JVM-wide system property, and a later class loader reuses the running broker instead of
     * starting a second one.
     */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = System.getProperty(SHARED_ADDRESS);
        }
        if (bootstrapServers == null) {
            startBroker();
            System.setProperty(SHARED_ADDRESS, bootstrapServers);
        }
        return bootstrapServers;
    }

    private static void startBroker() {
        quietBrokerLogs();
        try {
            dataDir = Files.createTempDirectory("dpa-kafka-");
            int brokerPort = freePort();
            int controllerPort = freePort();
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("log.dirs", dataDir.resolve("logs").toString());
            props.put("num.partitions", "3");
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "3");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("auto.create.topics.enable", "true");
            Path config = dataDir.resolve("server.properties");
            try (Writer w = Files.newBufferedWriter(config)) {
                props.store(w, "dpa-ledger test broker");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int rc = StorageTool.execute(new String[] {"format", "--standalone", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString()}, new PrintStream(out, true));
            if (rc != 0) {
                throw new IllegalStateException("kafka storage format failed: " + out);
            }
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            bootstrapServers = "127.0.0.1:" + brokerPort;
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaBrokerResource::stopBroker, "dpa-kafka-stop"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test Kafka broker", e);
        }
    }

    private static synchronized void stopBroker() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            deleteQuietly(dataDir);
        }
    }

    private static void quietBrokerLogs() {
        for (String name : new String[] {"kafka", "org.apache.kafka", "state.change.logger", "org.apache.zookeeper"}) {
            Logger.getLogger(name).setLevel(Level.WARNING);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files; the OS cleans up the rest
        }
    }
}
