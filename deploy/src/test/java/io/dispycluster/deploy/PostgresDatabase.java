package io.dispycluster.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL database for one cluster, on the server named by
 * {@code DISPYCLUSTER_TEST_POSTGRES_URL} (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), dropped on close.
 *
 * <p>
 * The controller, the scheduler and monitoring run on it with their production profile,
 * as an installed master does: each creates its own schema in the one database with its
 * Flyway migrations ({@code application-production.yml}). The internal token, which that
 * profile requires, is turned off so the tests call the services as in development; the
 * services' own tests cover the token.
 *
 * <p>
 * Without the variable the tests that need the database are skipped, except when
 * {@code CI=true}, where they fail: CI never skips them silently. The server must be
 * PostgreSQL 13 or later (the database is dropped {@code WITH (FORCE)}, since a killed
 * service may leave connections behind).
 */
final class PostgresDatabase implements AutoCloseable {

	static final String URL_VARIABLE = "DISPYCLUSTER_TEST_POSTGRES_URL";

	/** The JDBC URL's server part, database name and parameters. */
	private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");

	private final String serverUrl;

	private final String name;

	private PostgresDatabase(String serverUrl, String name) {
		this.serverUrl = serverUrl;
		this.name = name;
	}

	/**
	 * Why the PostgreSQL tests cannot run here, or null when they can.
	 * @throws AssertionError without a server when {@code CI=true}
	 */
	static String unavailable() {
		String serverUrl = System.getenv(URL_VARIABLE);
		if (serverUrl == null || serverUrl.isBlank()) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(URL_VARIABLE + " must name a PostgreSQL server when CI=true");
			}
			return URL_VARIABLE + " is not set: the PostgreSQL variant of this cluster test is skipped "
					+ "(set it, e.g. to jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres, to run it; "
					+ "it fails instead when CI=true)";
		}
		return null;
	}

	/** Creates a database with a random name, or aborts the test without a server. */
	static PostgresDatabase create() {
		String unavailable = unavailable();
		if (unavailable != null) {
			Assumptions.abort(unavailable);
		}
		String serverUrl = System.getenv(URL_VARIABLE);
		if (!JDBC_URL.matcher(serverUrl).matches()) {
			Assertions
				.fail(URL_VARIABLE + " must be a jdbc:postgresql://host[:port]/database[?...] URL, was " + serverUrl);
		}
		String name = "dispycluster_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(serverUrl, "CREATE DATABASE " + name);
		return new PostgresDatabase(serverUrl, name);
	}

	/** The JDBC URL of this database, with the server URL's parameters (user, ...). */
	String url() {
		Matcher parts = JDBC_URL.matcher(this.serverUrl);
		if (!parts.matches()) {
			throw new IllegalStateException(this.serverUrl);
		}
		return parts.group(1) + this.name + ((parts.group(3) != null) ? parts.group(3) : "");
	}

	/**
	 * Points a service at this database: its production profile, with the database URL in
	 * the environment as an installed master has it in dispycluster.env.
	 */
	void configure(Map<String, String> environment, List<String> command) {
		environment.put("DISPYCLUSTER_ENV", "production");
		environment.put("DISPYCLUSTER_DB_URL", url());
		command.add("--dispycluster.security.internal-token-required=false");
	}

	/** Drops the database, closing whatever connection a killed service left. */
	@Override
	public void close() {
		execute(this.serverUrl, "DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
	}

	private static void execute(String serverUrl, String sql) {
		try (Connection connection = DriverManager.getConnection(serverUrl);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + " failed on " + serverUrl + ": " + ex.getMessage(), ex);
		}
	}

}
