package io.dispycluster.worker.report;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cluster's internal token, under {@code dispycluster.security} (read from the shared
 * {@code dispycluster.yml}, like the controller, which refuses internal calls without it
 * when it is set).
 *
 * @param internalToken the token sent as {@value #HEADER} on every call to the
 * controller; none by default (development), and a blank value counts as none
 */
@ConfigurationProperties("dispycluster.security")
public record ClusterTokenProperties(@Nullable String internalToken) {

	/** The header that carries the token. */
	public static final String HEADER = "X-Internal-Token";

	public ClusterTokenProperties {
		if (internalToken != null && internalToken.isBlank()) {
			internalToken = null;
		}
	}

	/** Whether a token is configured. */
	boolean isSet() {
		return this.internalToken != null;
	}

	// A record prints its components: keep the secret out of logs and failure messages.
	@Override
	public String toString() {
		return "ClusterTokenProperties[internalToken=" + (isSet() ? "(set)" : "(none)") + "]";
	}

}
