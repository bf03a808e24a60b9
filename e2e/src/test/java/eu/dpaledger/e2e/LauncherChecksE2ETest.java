package eu.dpaledger.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher on a machine that lacks something: it says what, in one line, before it downloads, builds or starts
 * anything. The machine is simulated by a PATH holding every command of this one except the ones taken away.
 */
class LauncherChecksE2ETest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path HOME = ROOT.resolve("e2e/target/launcher-checks-home");

    @Test
    void up_without_psql_says_so_in_one_line_and_starts_nothing(@TempDir Path bin) throws Exception {
        Result result = dpa(bin, List.of("psql", "pg_isready"), "up");
        assertEquals(1, result.exitCode(), result.output());
        List<String> lines = result.output().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one line: " + result.output());
        assertTrue(lines.get(0).contains("missing: psql and pg_isready"), lines.get(0));
        assertTrue(Files.notExists(HOME), "nothing was started or written: " + HOME);
    }

    @Test
    void check_names_everything_missing_at_once(@TempDir Path bin) throws Exception {
        Result result = dpa(bin, List.of("jq", "unzip", "psql"), "check");
        assertEquals(1, result.exitCode(), result.output());
        String line = result.output().strip();
        assertTrue(line.contains("missing: jq, unzip, psql and pg_isready"), line);
    }

    @Test
    void help_lists_the_commands() throws Exception {
        Result result = dpa(null, List.of(), "help");
        assertEquals(0, result.exitCode(), result.output());
        for (String command : List.of("./dpa check", "./dpa up --infra", "./dpa down", "./dpa start PART", "./dpa token USER")) {
            assertTrue(result.output().contains(command), command + " in:\n" + result.output());
        }
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs ./dpa with a PATH of every command on this machine's PATH but {@code without} (null bin: the PATH as it is). */
    private static Result dpa(Path bin, List<String> without, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(ROOT.resolve("dpa").toString()), Stream.of(args)).toList())
                .directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("DPA_HOME", HOME.toString());
        if (bin != null) {
            for (String dir : System.getenv("PATH").split(":")) {
                Path folder = Path.of(dir);
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (Stream<Path> commands = Files.list(folder)) {
                    for (Path command : commands.toList()) {
                        Path link = bin.resolve(command.getFileName().toString());
                        if (!without.contains(command.getFileName().toString()) && Files.notExists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                            Files.createSymbolicLink(link, command);
                        }
                    }
                }
            }
            builder.environment().put("PATH", bin.toString());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("./dpa did not finish: " + output);
        }
        return new Result(process.exitValue(), output.replaceAll("\u001B\\[[0-9;]*m", ""));
    }
}
