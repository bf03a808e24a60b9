package eu.dpaledger.examples.receiver;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link WebhookReceiver} from the command line and prints what arrives.
 *
 * <pre>
 * DPA_WEBHOOK_SECRET='whsec_...' java -jar example-webhook-receiver.jar [--host 127.0.0.1] [--port 9999] [--path /]
 * </pre>
 *
 * <p>The secret comes from the environment only, never an argument: arguments show in every user's process list.
 * {@code DPA_WEBHOOK_SECRET} may hold several secrets separated by spaces, for the overlap of a secret change.
 * {@code DPA_RECEIVER_PORT} sets the port when {@code --port} is not given.
 *
 * <p>Standard output gets one line per verified delivery, {@code verified <webhook-id> <type> subject=<subject>
 * streamVersion=<n>} ({@code -} for a value a ping does not have), then the event's data indented; scripts look
 * for lines starting with {@code verified }. Standard error gets the listening address and each refused request.
 */
public final class Main {
    private static final String USAGE =
            "usage: DPA_WEBHOOK_SECRET='whsec_... [whsec_...]' java -jar example-webhook-receiver.jar"
                    + " [--host 127.0.0.1] [--port 9999] [--path /]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Main() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        List<String> secrets = secrets(env.getOrDefault("DPA_WEBHOOK_SECRET", ""));
        if (secrets.isEmpty()) {
            exitWithUsage("DPA_WEBHOOK_SECRET is not set");
        }
        String host = "127.0.0.1";
        int port = Integer.parseInt(env.getOrDefault("DPA_RECEIVER_PORT", "9999"));
        String path = "/";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                exitWithUsage(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--path" -> path = args[i + 1];
                default -> exitWithUsage("unknown argument " + args[i]);
            }
        }

        WebhookReceiver receiver =
                new WebhookReceiver(
                        new InetSocketAddress(host, port), path, secrets, Main::printDelivery, Main::printRejection);
        receiver.start();
        Runtime.getRuntime().addShutdownHook(new Thread(receiver::close));
        System.err.printf("listening on http://%s:%d%s%n", host, receiver.port(), path);
    }

    private static List<String> secrets(String setting) {
        return Arrays.stream(setting.trim().split("\\s+")).filter(secret -> !secret.isEmpty()).toList();
    }

    private static void printDelivery(Delivery delivery) {
        StringBuilder lines = new StringBuilder();
        lines.append("verified ").append(delivery.webhookId()).append(' ').append(delivery.type())
                .append(" subject=").append(orDash(delivery.subject()))
                .append(" streamVersion=").append(orDash(delivery.streamVersion()))
                .append('\n');
        try {
            String data = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(delivery.data());
            data.lines().forEach(line -> lines.append("  ").append(line).append('\n'));
        } catch (IOException e) {
            lines.append("  (data not printable: ").append(e.getMessage()).append(")\n");
        }
        print(System.out, lines.toString());
    }

    private static void printRejection(Rejection rejection) {
        print(System.err, String.format("rejected %d %s: %s%n",
                rejection.status(), orDash(rejection.webhookId()), rejection.reason()));
    }

    // One write per delivery, flushed at once: a script reading the output sees each line as it happens.
    private static synchronized void print(PrintStream out, String text) {
        out.print(text);
        out.flush();
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static void exitWithUsage(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
