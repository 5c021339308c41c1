package io.dispycluster.support.security;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cluster's internal token, under {@code dispycluster.security} (the same properties
 * the gateway and the controller read from the shared {@code dispycluster.yml}).
 *
 * @param internalToken the token every caller must send as {@code X-Internal-Token} (the
 * gateway sends it on every call); none by default, so that everything is open on a
 * development machine
 * @param internalTokenRequired whether start-up fails without a token (default false,
 * true in the production profile)
 */
@ConfigurationProperties("dispycluster.security")
public record InternalTokenProperties(@Nullable String internalToken,
		@DefaultValue("false") boolean internalTokenRequired) {

	/** The header that carries the token. */
	public static final String HEADER = "X-Internal-Token";

	/** The shortest token accepted. */
	static final int MIN_LENGTH = 16;

	public InternalTokenProperties {
		if (internalToken != null && internalToken.isBlank()) {
			internalToken = null;
		}
		if (internalTokenRequired && internalToken == null) {
			throw new IllegalArgumentException("dispycluster.security.internal-token must be set when "
					+ "dispycluster.security.internal-token-required is true (always the case in production)");
		}
		if (internalToken != null && internalToken.length() < MIN_LENGTH) {
			throw new IllegalArgumentException(
					"dispycluster.security.internal-token must be at least " + MIN_LENGTH + " characters long");
		}
	}

	/** Says whether a token is set, never the token (this record may end up in a log). */
	@Override
	public String toString() {
		return "InternalTokenProperties[internalToken=" + ((this.internalToken != null) ? "(set)" : "(none)")
				+ ", internalTokenRequired=" + this.internalTokenRequired + "]";
	}

}
