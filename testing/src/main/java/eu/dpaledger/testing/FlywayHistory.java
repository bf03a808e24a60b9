package eu.dpaledger.testing;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an upgrade test compares: the versioned Flyway scripts on the classpath, found independently of
 * Flyway (so a newly added migration is covered without touching a test), and what a database's
 * {@code flyway_schema_history} records of them.
 */
public final class FlywayHistory {

    private static final Pattern VERSIONED = Pattern.compile("V[0-9][0-9._]*__.+\\.sql");

    private FlywayHistory() {
    }

    /**
     * Asserts, inside a {@code @QuarkusTest}, that the running service's database records every script of its
     * {@code quarkus.flyway.locations} as applied successfully, and no other script.
     */
    public static void assertEveryScriptApplied() {
        Config config = ConfigProvider.getConfig();
        String[] locations = config.getValue("quarkus.flyway.locations", String[].class);
        for (int i = 0; i < locations.length; i++) {
            locations[i] = locations[i].replaceFirst("^classpath:", "");
        }
        SortedSet<String> scripts = scriptsOnClasspath(locations);
        for (String location : locations) {
            // Guards the scan itself: an empty result would make the comparison below vacuous.
            assertTrue(scripts.stream().anyMatch(s -> s.startsWith(location + "/")), "no migration found under " + location + ": " + scripts);
        }
        Map<String, Boolean> expected = new TreeMap<>();
        scripts.forEach(s -> expected.put(s, true));
        assertEquals(expected, new TreeMap<>(recorded(config.getValue("quarkus.datasource.jdbc.url", String.class))),
                "flyway_schema_history against the scripts on the classpath (script → success)");
    }

    /** Every {@code V<version>__<name>.sql} under the locations, named as Flyway records it ({@code db/kernel/V1__event_store.sql}). */
    public static SortedSet<String> scriptsOnClasspath(String... locations) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        SortedSet<String> scripts = new TreeSet<>();
        for (String location : locations) {
            SortedSet<String> found = new TreeSet<>();
            try {
                Enumeration<URL> urls = loader.getResources(location);
                while (urls.hasMoreElements()) {
                    found.addAll(fileNames(urls.nextElement(), location));
                }
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("cannot list classpath location " + location, e);
            }
            found.stream().filter(path -> VERSIONED.matcher(path.substring(path.lastIndexOf('/') + 1)).matches())
                    .forEach(path -> scripts.add(location + "/" + path));
        }
        return scripts;
    }

    /** Script → success of every SQL migration recorded in the database's history, in installation order. */
    public static Map<String, Boolean> recorded(String jdbcUrl) {
        Map<String, Boolean> recorded = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, PostgresDatabaseResource.user(), PostgresDatabaseResource.password());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT script, success FROM flyway_schema_history WHERE type = 'SQL' ORDER BY installed_rank")) {
            while (rows.next()) {
                recorded.put(rows.getString("script"), rows.getBoolean("success"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read flyway_schema_history at " + jdbcUrl, e);
        }
        return recorded;
    }

    /** Paths of the files under {@code location} (Flyway scans subfolders too), relative to it. */
    private static SortedSet<String> fileNames(URL url, String location) throws IOException, URISyntaxException {
        SortedSet<String> names = new TreeSet<>();
        switch (url.getProtocol()) {
            case "file" -> {
                Path root = Path.of(url.toURI());
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile).forEach(f -> names.add(root.relativize(f).toString().replace('\\', '/')));
                }
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                // A cached JarFile is shared with the class loader: closing it would break later loads.
                connection.setUseCaches(false);
                String prefix = location + "/";
                try (JarFile jar = connection.getJarFile()) {
                    jar.stream().filter(e -> !e.isDirectory()).map(JarEntry::getName).filter(n -> n.startsWith(prefix))
                            .forEach(n -> names.add(n.substring(prefix.length())));
                }
            }
            default -> throw new IllegalStateException("cannot list " + url + " (protocol " + url.getProtocol() + ")");
        }
        return names;
    }
}
