import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

// Consumer lag of every consumer group of a broker, sampled: for each group and topic, the sum over its partitions of
// (end offset - the group's committed offset). One line per group and topic per sample, on stdout:
//   <epoch ms> <group> <topic> <lag> <end offset sum>
// Runs until killed. Compiled and run with the broker's jars on the class path (bench/lib.sh's $KAFKA_LIB). WebhookBench
// samples with it too (--kafka), in its own JVM: one JVM less beside the service.
//
//   java -cp "classes:$KAFKA_LIB/*" KafkaLag --bootstrap 127.0.0.1:19292 --every-ms 500
public class KafkaLag {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        long every = Long.parseLong(opt.getOrDefault("every-ms", "500"));
        try (Admin admin = admin(opt.getOrDefault("bootstrap", "127.0.0.1:9092"))) {
            while (true) {
                long started = System.currentTimeMillis();
                sample(admin, started, System.out);
                Thread.sleep(Math.max(0, every - (System.currentTimeMillis() - started)));
            }
        }
    }

    static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }

    /** One sample: a line per group and topic. */
    static void sample(Admin admin, long at, PrintStream out) throws Exception {
        for (GroupListing group : admin.listGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            Map<String, long[]> byTopic = new TreeMap<>();
            committed.forEach((partition, offset) -> {
                long end = ends.get(partition).offset();
                long[] sums = byTopic.computeIfAbsent(partition.topic(), t -> new long[2]);
                sums[0] += Math.max(0, end - (offset == null ? 0 : offset.offset()));
                sums[1] += end;
            });
            byTopic.forEach((topic, sums) -> out.printf(Locale.ROOT, "%d %s %s %d %d%n", at, group.groupId(), topic, sums[0], sums[1]));
        }
        out.flush();
    }
}
