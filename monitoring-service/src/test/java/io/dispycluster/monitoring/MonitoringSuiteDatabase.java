package io.dispycluster.monitoring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import io.dispycluster.support.testing.PostgresTestServer;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Where the integration tests keep the service's data: the embedded H2 database, or, when
 * the build runs them with {@code -Ddispycluster.test.database=postgresql} (the pom's
 * {@code postgresql} profile), a fresh schema on the server named by
 * {@code DISPYCLUSTER_TEST_POSTGRES_URL}. On PostgreSQL the service runs in its
 * production profile, as in the cluster, so the same scenarios check the SQL it really
 * runs there.
 */
final class MonitoringSuiteDatabase {

	static final String PROPERTY = "dispycluster.test.database";

	private final String url;

	private final String schema;

	private MonitoringSuiteDatabase(String url, String schema) {
		this.url = url;
		this.schema = schema;
	}

	/**
	 * @return whether this run of the integration tests is the PostgreSQL one
	 */
	static boolean isPostgres() {
		return "postgresql".equals(System.getProperty(PROPERTY));
	}

	/**
	 * @return the database of the scenarios, which share one Spring context: one schema
	 * for the whole run, dropped when the JVM exits
	 */
	static MonitoringSuiteDatabase forScenarios() {
		return ScenarioDatabase.INSTANCE;
	}

	/**
	 * A schema name of its own on the server; the service creates the schema through its
	 * migrations.
	 * @param prefix starts the name, so that a schema left behind by an interrupted run
	 * says which tests made it
	 * @return the database
	 */
	static MonitoringSuiteDatabase fresh(String prefix) {
		String url = System.getenv(PostgresTestServer.URL_VARIABLE);
		if (url == null || url.isBlank()) {
			throw new IllegalStateException(
					PROPERTY + "=postgresql needs " + PostgresTestServer.URL_VARIABLE + " to name the server");
		}
		return new MonitoringSuiteDatabase(url,
				prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
	}

	String url() {
		return this.url;
	}

	String schema() {
		return this.schema;
	}

	/**
	 * @param token the internal token, which the production profile requires
	 * @return the command-line arguments that start the service on this schema
	 */
	List<String> arguments(String token) {
		return List.of("--spring.profiles.active=production", "--DISPYCLUSTER_DB_URL=" + this.url,
				"--DISPYCLUSTER_MONITORING_DB_SCHEMA=" + this.schema,
				"--dispycluster.security.internal-token=" + token);
	}

	void drop() {
		try (Connection connection = DriverManager.getConnection(this.url);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop schema " + this.schema, ex);
		}
	}

	/**
	 * Drops the schema when the JVM exits, for a Spring context that the test framework
	 * shares between classes and only closes then.
	 */
	void dropAtExit() {
		Runtime.getRuntime().addShutdownHook(new Thread(this::drop, "drop-" + this.schema));
	}

	/** The production profile on PostgreSQL, the default one (development) on H2. */
	static final class Profiles implements ActiveProfilesResolver {

		@Override
		public String[] resolve(Class<?> testClass) {
			return isPostgres() ? new String[] { "production" } : new String[0];
		}

	}

	/** Created on first use only, so that the H2 run never asks for a server. */
	private static final class ScenarioDatabase {

		static final MonitoringSuiteDatabase INSTANCE = fresh("monitoring_suite_");

		static {
			INSTANCE.dropAtExit();
		}

	}

}
