package io.dispycluster.support.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL server the services' persistence tests run on, named by
 * {@code DISPYCLUSTER_TEST_POSTGRES_URL} (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}). Register it on a
 * static field with {@code @RegisterExtension}:
 * <ul>
 * <li>without the variable, the test class is skipped with the reason, except when
 * {@code CI=true}, where it fails: CI never skips these tests silently;</li>
 * <li>each test gets a fresh schema name, which the service under test creates through
 * its own migrations;</li>
 * <li>after the class, every schema handed out is dropped.</li>
 * </ul>
 */
public final class PostgresTestServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	/** The environment variable that names the server, as a JDBC URL. */
	public static final String URL_VARIABLE = "DISPYCLUSTER_TEST_POSTGRES_URL";

	private final String schemaPrefix;

	private final List<String> schemas = new ArrayList<>();

	private @Nullable String url;

	private @Nullable String schema;

	/**
	 * @param schemaPrefix starts every schema name, so that a schema left behind by an
	 * interrupted run says which service's tests made it (e.g. {@code scheduler_it_})
	 */
	public PostgresTestServer(String schemaPrefix) {
		this.schemaPrefix = schemaPrefix;
	}

	/**
	 * @return the JDBC URL of the server
	 */
	public String url() {
		return require(this.url, "url() is only known once the test class started");
	}

	/**
	 * @return the schema of the running test
	 */
	public String schema() {
		return require(this.schema, "schema() is only known inside a test");
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		String configured = System.getenv(URL_VARIABLE);
		if (configured == null || configured.isBlank()) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(URL_VARIABLE + " must name a PostgreSQL server when CI=true");
			}
			Assumptions.abort(URL_VARIABLE + " is not set: PostgreSQL tests skipped (they fail when CI=true)");
		}
		this.url = configured;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.schema = this.schemaPrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		this.schemas.add(this.schema);
	}

	@Override
	public void afterAll(ExtensionContext context) throws SQLException {
		if (this.url == null) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(this.url);
				Statement statement = connection.createStatement()) {
			for (String name : this.schemas) {
				statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
			}
		}
		this.schemas.clear();
	}

	private static String require(@Nullable String value, String message) {
		if (value == null) {
			throw new IllegalStateException(message);
		}
		return value;
	}

}
