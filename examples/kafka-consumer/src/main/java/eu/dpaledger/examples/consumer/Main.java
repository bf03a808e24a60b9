package eu.dpaledger.examples.consumer;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Runs an {@link EventConsumer} from the command line and prints each event, once and in stream order.
 *
 * <pre>
 * java -jar example-kafka-consumer.jar [--bootstrap 127.0.0.1:9092] [--topics dpa.agreements,dpa.breaches]
 *                                      [--group dpa-example-consumer]
 * </pre>
 *
 * <p>Without arguments the settings come from {@code DPA_KAFKA} (bootstrap servers), {@code DPA_KAFKA_TOPICS}
 * (comma-separated) and {@code DPA_KAFKA_GROUP}, else the defaults above (all four topics).
 *
 * <p>Standard output gets one line per event, {@code event <ce_id> <type> subject=<subject> streamVersion=<n>}
 * ({@code -} for a value the event does not have). Standard error gets skipped versions and the client's warnings.
 * Stops on Ctrl-C, committing what was handed on.
 */
public final class Main {
    private static final String USAGE = "usage: java -jar example-kafka-consumer.jar [--bootstrap host:port]"
            + " [--topics topic,topic] [--group group-id]";

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        String bootstrap = env.getOrDefault("DPA_KAFKA", "127.0.0.1:9092");
        List<String> topics = topics(env.getOrDefault("DPA_KAFKA_TOPICS", String.join(",", EventConsumer.ALL_TOPICS)));
        String group = env.getOrDefault("DPA_KAFKA_GROUP", "dpa-example-consumer");
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                exitWithUsage(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = args[i + 1];
                case "--topics" -> topics = topics(args[i + 1]);
                case "--group" -> group = args[i + 1];
                default -> exitWithUsage("unknown argument " + args[i]);
            }
        }

        OrderedDeduplicator deduplicator = new OrderedDeduplicator(
                OrderedDeduplicator.Limits.defaults(), Clock.systemUTC(), Main::printGap);
        EventConsumer consumer = new EventConsumer(bootstrap, group, topics, deduplicator, Main::printEvent);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.wakeup();
            awaitQuietly(stopped);
        }));
        System.err.printf("reading %s from %s as group %s%n", topics, bootstrap, group);
        try (consumer) {
            while (true) {
                consumer.pollOnce(Duration.ofSeconds(1));
            }
        } catch (WakeupException stopRequested) {
            // Ctrl-C: the consumer is closed above, leaving the group at once.
        } finally {
            stopped.countDown();
        }
    }

    private static List<String> topics(String setting) {
        return Arrays.stream(setting.split(",")).map(String::trim).filter(topic -> !topic.isEmpty()).toList();
    }

    private static void printEvent(Event event) {
        System.out.printf("event %s %s subject=%s streamVersion=%s%n",
                event.id(), event.type(), orDash(event.subject()), orDash(event.streamVersion()));
        System.out.flush();
    }

    private static void printGap(OrderedDeduplicator.Gap gap) {
        System.err.printf("gap %s: versions %d to %d never arrived, passed on without them%n",
                gap.subject(), gap.firstMissing(), gap.lastMissing());
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static void awaitQuietly(CountDownLatch stopped) {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void exitWithUsage(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
