package io.dispycluster.controller.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dispycluster.support.testing.PostgresTestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database of the integration suite: the embedded H2 file by default, or, when the
 * build runs the suite a second time with {@code -Ddispycluster.test.database=postgresql}
 * (the {@code postgresql} profile of the pom), a fresh schema on the server named by
 * {@code DISPYCLUSTER_TEST_POSTGRES_URL}.
 * <p>
 * Only the datasource and Flyway settings of {@code application-production.yml} are
 * applied, not the whole production profile: the suite also checks what the development
 * profile serves without the internal token (the OpenAPI document, the validation of
 * internal calls). Register it with {@code @ExtendWith} before {@code @SpringBootTest}
 * and close the context after the class ({@code @DirtiesContext}): its schemas are then
 * dropped once the controller using them has stopped.
 */
public final class ControllerSuiteDatabase implements AfterAllCallback {

	/** The system property that chooses the database of the suite. */
	public static final String PROPERTY = "dispycluster.test.database";

	private static final List<String> schemas = new ArrayList<>();

	/**
	 * Points the controller at a fresh PostgreSQL schema when the suite runs on
	 * PostgreSQL, and leaves the default H2 file otherwise.
	 * @param registry the properties of the test's application context
	 */
	public static void register(DynamicPropertyRegistry registry) {
		if (!"postgresql".equals(System.getProperty(PROPERTY))) {
			return;
		}
		String schema = newSchema();
		registry.add("spring.datasource.url", ControllerSuiteDatabase::url);
		registry.add("spring.datasource.hikari.schema", () -> schema);
		registry.add("spring.flyway.schemas", () -> schema);
		registry.add("spring.flyway.default-schema", () -> schema);
		registry.add("spring.flyway.create-schemas", () -> "true");
	}

	@Override
	public void afterAll(ExtensionContext context) throws SQLException {
		List<String> made;
		synchronized (schemas) {
			made = List.copyOf(schemas);
			schemas.clear();
		}
		if (made.isEmpty()) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(url());
				Statement statement = connection.createStatement()) {
			for (String schema : made) {
				statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
	}

	private static String newSchema() {
		String schema = "controller_suite_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		synchronized (schemas) {
			schemas.add(schema);
		}
		return schema;
	}

	private static String url() {
		String url = System.getenv(PostgresTestServer.URL_VARIABLE);
		if (url == null || url.isBlank()) {
			throw new IllegalStateException(
					PROPERTY + "=postgresql needs " + PostgresTestServer.URL_VARIABLE + " to name the server");
		}
		return url;
	}

}
