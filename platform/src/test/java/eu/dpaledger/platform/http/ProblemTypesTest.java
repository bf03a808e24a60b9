package eu.dpaledger.platform.http;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every problem type the services can answer, read from the main code of every module (the slugs given to
 * {@code DomainRejection}, {@code HttpProblem} and the helpers that make them, {@code Problems.response}, the status
 * switch of {@code ProblemMappers} and the rule constants), and the
 * check that no two of them are near-duplicates: the same words in another order or with filler words
 * ({@code required-field} / {@code field-required}, {@code instant-in-future} / {@code instant-in-the-future}).
 * A client handles one fault one way, whichever service answers.
 */
public class ProblemTypesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String SLUG = "\"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\"";
    /** Where a slug is given: the factories and helpers (some take the status first), the constructors, the constants. */
    private static final List<Pattern> RULE_SITES = List.of(
            Pattern.compile("(?:invalidField|invalid|stateConflict|forbidden|badRequest|wrongParty|state|rejection|violation)"
                    + "\\(\\s*(?:\\d+\\s*,\\s*)?" + SLUG),
            Pattern.compile("new (?:DomainRejection|HttpProblem)\\([^,]+,\\s*" + SLUG),
            Pattern.compile("Problems\\.response\\(\\s*\\d+\\s*,\\s*" + SLUG),
            Pattern.compile("case \\d{3} -> " + SLUG),
            Pattern.compile("static final String [A-Z][A-Z0-9_]*\\s*=\\s*" + SLUG));
    /** {@code RequestSupport.booleanParam(value, "open")} answers {@code invalid-open}. */
    private static final Pattern BOOLEAN_PARAM = Pattern.compile("booleanParam\\([^,()]+,\\s*\"([a-z][a-z0-9]*)\"\\)");
    private static final Set<String> FILLER = Set.of("the", "a", "an", "of", "is", "code", "value");

    @Test
    void no_two_problem_types_are_the_same_rule_under_different_names() {
        Map<String, Set<String>> slugs = problemTypes();
        assertTrue(slugs.size() > 50, "the scan found the services' problem types: " + slugs.keySet());
        Map<String, List<String>> byWords = new TreeMap<>();
        slugs.keySet().forEach(slug -> byWords.computeIfAbsent(words(slug), k -> new ArrayList<>()).add(slug));
        List<String> nearDuplicates = byWords.values().stream().filter(group -> group.size() > 1)
                .map(group -> group + " in " + group.stream().flatMap(s -> slugs.get(s).stream()).collect(Collectors.toCollection(TreeSet::new)))
                .toList();
        assertTrue(nearDuplicates.isEmpty(), "one problem type per rule; near-duplicates:\n" + String.join("\n", nearDuplicates));
    }

    /**
     * Problem type slug → the files that answer it. Besides the problem types, the constants pattern also finds a few
     * hyphenated constants that are no problem type (a projection's name, a token audience); {@code RuleSourcesTest}
     * names them.
     */
    public static Map<String, Set<String>> problemTypes() {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.cache/"))
                    .forEach(f -> {
                        String code = read(f);
                        String file = f.getFileName().toString();
                        for (Pattern site : RULE_SITES) {
                            Matcher m = site.matcher(code);
                            while (m.find()) {
                                found.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(file);
                            }
                        }
                        Matcher m = BOOLEAN_PARAM.matcher(code);
                        while (m.find()) {
                            found.computeIfAbsent("invalid-" + m.group(1), k -> new TreeSet<>()).add(file);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static String words(String slug) {
        return Stream.of(slug.split("-")).filter(w -> !FILLER.contains(w)).sorted().collect(Collectors.joining(" "));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
