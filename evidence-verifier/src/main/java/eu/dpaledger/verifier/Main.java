package eu.dpaledger.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar evidence-verifier.jar [--keys jwks.json] bundle.json [receipts...]}: exit 0 when the bundle verifies,
 * 1 when it does not (each problem named), 2 when the input is not what docs/EVIDENCE.md describes (the message says
 * what and where). A receipts file is a JSON array of {@code {"streamId", "streamVersion", "hash"}} objects, or one such
 * object per line (what a party's consumer kept of each CloudEvent's {@code subject}, {@code streamversion} and
 * {@code chainhash}).
 */
public final class Main {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the verifier as the command line would: the exit code, the report on {@code out}, input errors on {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path keysFile = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ("--keys".equals(args[i]) && i + 1 < args.length) {
                keysFile = Path.of(args[++i]);
            } else if (args[i].startsWith("-")) {
                err.println("unknown option " + args[i]);
                return usage(err);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            return usage(err);
        }
        try {
            JsonNode bundle = read(files.get(0));
            JsonNode keys = keysFile == null ? null : read(keysFile);
            List<Verifier.Receipt> receipts = new ArrayList<>();
            for (Path p : files.subList(1, files.size())) {
                receipts.addAll(receipts(p));
            }
            Verifier.Report report = Verifier.verify(bundle, keys, receipts);
            report.checked().forEach(line -> out.println("ok       " + line));
            report.notes().forEach(line -> out.println("note     " + line));
            report.problems().forEach(line -> out.println("PROBLEM  " + line));
            out.println(report.verified() ? "VERIFIED: " + files.get(0) + " is intact and agrees with every signature and receipt given"
                    : "NOT VERIFIED: " + report.problems().size() + " problem(s); the first: " + report.problems().get(0));
            return report.verified() ? 0 : 1;
        } catch (BundleException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            // Whatever else a malformed bundle leads to: a message, not a stack trace.
            err.println("error: the bundle is not of the documented form (docs/EVIDENCE.md): " + e);
            return 2;
        }
    }

    private static int usage(PrintStream err) {
        err.println("usage: java -jar evidence-verifier.jar [--keys jwks.json] bundle.json [receipts.json ...]");
        return 2;
    }

    private static JsonNode read(Path file) throws BundleException {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new BundleException(file + ": not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new BundleException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    static List<Verifier.Receipt> receipts(Path file) throws BundleException {
        List<JsonNode> items = new ArrayList<>();
        String text;
        try {
            text = Files.readString(file).trim();
        } catch (IOException e) {
            throw new BundleException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        try {
            if (text.startsWith("[")) {
                JSON.readTree(text).forEach(items::add);
            } else {
                for (String line : text.split("\\R")) {
                    if (!line.isBlank()) {
                        items.add(JSON.readTree(line));
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new BundleException(file + ": not a JSON array nor JSON lines of receipts");
        }
        List<Verifier.Receipt> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode r = items.get(i);
            String where = file + " receipt " + (i + 1);
            if (!r.path("streamId").isTextual() || !r.path("streamVersion").isIntegralNumber() || !r.path("hash").isTextual()) {
                throw new BundleException(where + ": needs streamId (string), streamVersion (integer) and hash (string)");
            }
            out.add(new Verifier.Receipt(where, r.get("streamId").asText(), r.get("streamVersion").asLong(), r.get("hash").asText()));
        }
        return out;
    }
}
