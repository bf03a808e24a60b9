package eu.dpaledger.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * A fresh database (as {@link PostgresDatabaseResource}) restored from a {@code pg_dump} of a released
 * version, so an upgrade test boots the service on the schema and data that version left behind. The
 * dump is a classpath resource named by the init arg {@value #DUMP} (e.g. {@code upgrade/0.1.0.sql});
 * it is restored with {@code psql}, which must be on the PATH.
 */
public class ReleasedDatabaseResource extends PostgresDatabaseResource {

    /** Init arg: classpath path of the plain-SQL dump to restore. */
    public static final String DUMP = "dump";

    private String dump;

    @Override
    public void init(Map<String, String> initArgs) {
        dump = initArgs.get(DUMP);
        if (dump == null || dump.isBlank()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs the init arg '" + DUMP + "'");
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        try {
            restore();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        return config;
    }

    private void restore() {
        Path file = null;
        try (InputStream in = ReleasedDatabaseResource.class.getClassLoader().getResourceAsStream(dump)) {
            if (in == null) {
                throw new IllegalStateException("dump " + dump + " is not on the test classpath");
            }
            // psql reads a file, not a classpath resource (which may sit inside a jar).
            file = Files.createTempFile("dpa-dump-", ".sql");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            // -X: no ~/.psqlrc; -w: never prompt for a password (a test must fail, not hang).
            Process psql = new ProcessBuilder(List.of("psql", "-X", "-w", "-v", "ON_ERROR_STOP=1", "-q",
                    "-h", host(), "-p", port(), "-U", user(), "-d", database(), "-f", file.toString()))
                    .redirectErrorStream(true).start();
            String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (psql.waitFor() != 0) {
                throw new IllegalStateException("psql could not restore " + dump + " into " + database() + ":\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot restore " + dump + " (is psql on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restoring " + dump, e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }
}
