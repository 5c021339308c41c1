package io.dispycluster.scheduler;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.dispycluster.support.testing.PostgresTestServer;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The database the integration tests start the service on: the embedded H2 file database
 * by default, or, when the system property {@code dispycluster.test.database} is
 * {@code postgresql} (the build's {@code postgresql} profile), the server named by
 * {@code DISPYCLUSTER_TEST_POSTGRES_URL} with the database settings of the production
 * profile. Only those settings are taken from it (not the profile itself): the tests rely
 * on the development behaviour, such as webhooks to a local receiver. Each data directory
 * gets its own schema, so a restart on the same data finds the same database; the schemas
 * are dropped when the test JVM exits.
 */
public final class SchedulerSuiteDatabase {

	/** The system property that selects the database. */
	static final String PROPERTY = "dispycluster.test.database";

	private static final Map<Path, String> schemas = new ConcurrentHashMap<>();

	private static volatile boolean dropOnExit;

	private SchedulerSuiteDatabase() {
	}

	/** Whether this run of the suite is on PostgreSQL. */
	public static boolean isPostgresql() {
		return "postgresql".equals(System.getProperty(PROPERTY));
	}

	/**
	 * The command-line arguments that put the service on this run's database, for a data
	 * directory (none for H2, the default).
	 */
	public static List<String> args(Path dataDir) {
		if (!isPostgresql()) {
			return List.of();
		}
		List<String> args = new ArrayList<>(productionDatabaseSettings());
		args.add("--DISPYCLUSTER_DB_URL=" + url());
		args.add("--DISPYCLUSTER_SCHEDULER_DB_SCHEMA=" + schemas.computeIfAbsent(dataDir, (dir) -> newSchema()));
		return args;
	}

	/**
	 * The spring.* settings (datasource, Flyway, Quartz) of application-production.yml.
	 */
	private static List<String> productionDatabaseSettings() {
		try {
			List<String> settings = new ArrayList<>();
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("production",
					new ClassPathResource("application-production.yml"))) {
				EnumerablePropertySource<?> properties = (EnumerablePropertySource<?>) source;
				for (String name : properties.getPropertyNames()) {
					if (name.startsWith("spring.")) {
						settings.add("--" + name + "=" + properties.getProperty(name));
					}
				}
			}
			return settings;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String url() {
		String url = System.getenv(PostgresTestServer.URL_VARIABLE);
		if (url == null || url.isBlank()) {
			throw new IllegalStateException(PROPERTY + "=postgresql needs " + PostgresTestServer.URL_VARIABLE);
		}
		return url;
	}

	private static synchronized String newSchema() {
		if (!dropOnExit) {
			Runtime.getRuntime().addShutdownHook(new Thread(SchedulerSuiteDatabase::dropSchemas));
			dropOnExit = true;
		}
		return "scheduler_suite_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private static void dropSchemas() {
		try (Connection connection = DriverManager.getConnection(url());
				Statement statement = connection.createStatement()) {
			for (String schema : schemas.values()) {
				statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
		catch (SQLException ex) {
			System.err.println("Could not drop the test schemas " + schemas.values() + ": " + ex);
		}
	}

}
