package io.dispycluster.support.config;

/**
 * A value of the configuration that the service cannot run with, named by its property so
 * that the operator knows which line of {@code dispycluster.yml} (or which environment
 * variable) to fix. Start-up stops with it; {@link InvalidConfigurationFailureAnalyzer}
 * prints it without a stack trace.
 */
public class InvalidConfigurationException extends RuntimeException {

	private final String property;

	private final String action;

	public InvalidConfigurationException(String property, String problem, String action) {
		super(property + ": " + problem);
		this.property = property;
		this.action = action;
	}

	/** The property at fault, e.g. {@code dispycluster.services.monitoring}. */
	public String getProperty() {
		return this.property;
	}

	/** What to do about it. */
	public String getAction() {
		return this.action;
	}

}
