package eu.dpaledger.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Creates a fresh database in the local PostgreSQL for one test run and drops it afterwards, so
 * every run starts empty. Server location from {@code DPA_PG_HOST}/{@code DPA_PG_PORT}/{@code DPA_PG_USER}/
 * {@code DPA_PG_PASSWORD} (defaults 127.0.0.1, 5432, postgres, none), as the launcher and the services read them.
 */
public class PostgresDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public Map<String, String> start() {
        database = "dpa_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        String hostPort = host() + ":" + port();
        return Map.of(
                "quarkus.datasource.username", user(),
                "quarkus.datasource.password", password(),
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort + "/" + database,
                "quarkus.datasource.reactive.url", "postgresql://" + hostPort + "/" + database);
    }

    @Override
    public void stop() {
        if (database != null) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** The database this resource created for the current run (null before {@link #start()}). */
    protected String database() {
        return database;
    }

    /** JDBC URL of the database of the current run (for tests that need raw SQL). */
    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host() + ":" + port() + " refused: " + sql, e);
        }
    }

    static String host() { return env("DPA_PG_HOST", "127.0.0.1"); }
    static String port() { return env("DPA_PG_PORT", "5432"); }
    /** {@code DPA_PG_PASSWORD}, as the launcher and the services read it (empty: trust authentication). */
    static String password() { return env("DPA_PG_PASSWORD", ""); }
    static String user() { return env("DPA_PG_USER", "postgres"); }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
