package io.dispycluster.support.config;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns "the database cannot be opened" at start-up (Flyway's first connection) into a
 * message that names the properties to check, instead of a page of stack trace ending in
 * a driver's exception.
 */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	private static final String URL = "spring.datasource.url";

	/** H2: the database file is locked by another process. */
	private static final int H2_FILE_LOCKED = 90020;

	private final Environment environment;

	DatabaseFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		String url = this.environment.getProperty(URL, "(not set)");
		String state = (cause.getSQLState() != null) ? cause.getSQLState() : "";
		if (cause.getErrorCode() == H2_FILE_LOCKED) {
			return new FailureAnalysis("The database file of " + url + " (" + URL + ") is in use by another process.",
					"Is this service already running? Stop the other instance, or give this one its own "
							+ "dispycluster.data-dir.",
					cause);
		}
		if (state.startsWith("08") || state.startsWith("28") || state.equals("3D000")) {
			return new FailureAnalysis(
					"Cannot open the database at " + url + " (" + URL + "): " + cause.getMessage() + " [SQL state "
							+ state + "]",
					"Start the database server, or correct " + URL + " (DISPYCLUSTER_DB_URL), "
							+ "spring.datasource.username (DISPYCLUSTER_DB_USER) and the password "
							+ "(DISPYCLUSTER_DB_PASSWORD). docs/operations.md shows how to create the database.",
					cause);
		}
		return null;
	}

}
