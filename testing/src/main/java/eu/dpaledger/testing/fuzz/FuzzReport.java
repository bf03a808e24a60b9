package eu.dpaledger.testing.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a fuzz run sent and what broke the rule "a 4xx problem document, never a 5xx": the statuses per
 * operation, and every failure with the exact request, grouped by status and kind of case so one cause
 * reads as one line.
 */
public final class FuzzReport {

    /**
     * One request that broke the rule; {@code request} is printable and exact up to abbreviated runs, and
     * {@code pass} says which plan it came from (pass p of seed s draws from seed s + p).
     */
    public record Failure(String operation, String kind, String detail, String role, int pass, int status, String reason,
                          String request, String response) {

        String line() {
            return operation + " | " + kind + " " + detail + " | " + role + " | pass " + pass + " | "
                    + (status < 0 ? "no response" : status) + " | " + reason + " | " + response;
        }
    }

    private final long seed;
    private final int operations;
    private final int requests;
    private final int passes;
    private final Duration took;
    private final Map<String, Map<Integer, Integer>> statuses;
    private final Map<String, Map<Integer, Integer>> byKind;
    private final Map<String, Long> millis;
    private final Map<String, String> notes;
    private final List<Failure> failures;

    FuzzReport(long seed, int operations, int requests, int passes, Duration took, Map<String, Map<Integer, Integer>> statuses,
               Map<String, Map<Integer, Integer>> byKind, Map<String, Long> millis, Map<String, String> notes,
               List<Failure> failures) {
        this.seed = seed;
        this.operations = operations;
        this.requests = requests;
        this.passes = passes;
        this.took = took;
        this.statuses = statuses;
        this.byKind = byKind;
        this.millis = millis;
        this.notes = notes;
        this.failures = List.copyOf(failures);
    }

    public int operations() {
        return operations;
    }

    public int requests() {
        return requests;
    }

    public Duration took() {
        return took;
    }

    public List<Failure> failures() {
        return failures;
    }

    /** The same report without the failures {@code known} matches (to look past causes fixed elsewhere). */
    public FuzzReport without(Predicate<Failure> known) {
        return new FuzzReport(seed, operations, requests, passes, took, statuses, byKind, millis, notes,
                failures.stream().filter(known.negate()).collect(Collectors.toList()));
    }

    /** Operations, requests, time, and per operation how many answers of each status. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("fuzz seed %d: %d operations, %d requests in %d pass(es) (the first: %s), %.1f s, %d failure(s)%n",
                seed, operations, requests, passes, notes.get("(first pass)"), took.toMillis() / 1000.0, failures.size()));
        statuses.forEach((op, counts) -> out.append(String.format("  %-60s %s%s%n", op, counts,
                notes.containsKey(op) ? " (" + notes.get(op) + ")" : "")));
        if (notes.containsKey("(all)")) {
            out.append("  ").append(notes.get("(all)")).append('\n');
        }
        return out.toString();
    }

    /** Failures grouped by status and kind of case: the operations hit and one full reproduction each. */
    public String grouped() {
        Map<String, List<Failure>> groups = new TreeMap<>();
        for (Failure f : failures) {
            groups.computeIfAbsent((f.status() < 0 ? "no response" : String.valueOf(f.status())) + " " + f.kind() + " — " + f.reason(),
                    k -> new ArrayList<>()).add(f);
        }
        StringBuilder out = new StringBuilder();
        groups.forEach((group, list) -> {
            Set<String> ops = list.stream().map(Failure::operation).collect(Collectors.toCollection(LinkedHashSet::new));
            Failure example = list.get(0);
            out.append(String.format("%n[%d×] %s%n    in: %s%n    e.g. %s as %s (%s, pass %d)%n    %s%n    -> %s%n", list.size(), group,
                    String.join(", ", ops), example.operation(), example.role(), example.detail(), example.pass(),
                    example.request().replace("\n", "\n    "), example.response()));
        });
        return out.toString();
    }

    /** Writes the summary, the groups and every failure (one per line) to {@code file}. */
    public FuzzReport writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            StringBuilder out = new StringBuilder(summary()).append("\nStatuses (and time spent) per kind of case:\n");
            byKind.forEach((kind, counts) -> out.append(String.format("  %-50s %6d ms  %s%n", kind, millis.getOrDefault(kind, 0L), counts)));
            out.append(grouped()).append("\nAll failures:\n");
            failures.forEach(f -> out.append(f.line()).append('\n'));
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the fuzz report to " + file, e);
        }
        return this;
    }

    /** Fails with every failure listed (grouped first, then one line each, at most 300) unless there is none. */
    public void assertNoFailures() {
        if (failures.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder();
        out.append(failures.size()).append(" request(s) broke \"a 4xx problem document, never a 5xx\" (seed ").append(seed)
                .append("; -Ddpa.fuzz.seed=").append(seed).append(" repeats the run)\n").append(summary()).append(grouped())
                .append("\nAll failures (operation | case | role | pass | status | reason | response):\n");
        failures.stream().limit(300).forEach(f -> out.append("  ").append(f.line()).append('\n'));
        if (failures.size() > 300) {
            out.append("  … and ").append(failures.size() - 300).append(" more\n");
        }
        throw new AssertionError(out.toString());
    }

    static Map<String, Map<Integer, Integer>> emptyStatuses() {
        return new LinkedHashMap<>();
    }
}
