package io.dispycluster.support.security;

import java.util.regex.Pattern;

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

	private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]+");

	public InternalTokenProperties {
		internalToken = checked(internalToken, internalTokenRequired);
	}

	/**
	 * The token as configured, checked: null when blank, refused when required and
	 * missing, too short, or not something an HTTP header carries as is.
	 * @param internalToken the configured token
	 * @param required whether a token is required
	 * @return the token, or null when none is set
	 * @throws IllegalArgumentException naming the property and what is wrong with it
	 */
	public static @Nullable String checked(@Nullable String internalToken, boolean required) {
		if (internalToken != null && internalToken.isBlank()) {
			internalToken = null;
		}
		if (required && internalToken == null) {
			throw new IllegalArgumentException("dispycluster.security.internal-token must be set when "
					+ "dispycluster.security.internal-token-required is true (always the case in production)");
		}
		if (internalToken != null && !PRINTABLE.matcher(internalToken).matches()) {
			// a trailing newline (a YAML block, a file read with $(cat ...)) would make
			// every
			// call fail at the HTTP client or be refused by the other services: say so
			// now
			throw new IllegalArgumentException("dispycluster.security.internal-token must be printable ASCII "
					+ "without spaces (no line break, tab or other control character)");
		}
		if (internalToken != null && internalToken.length() < MIN_LENGTH) {
			throw new IllegalArgumentException(
					"dispycluster.security.internal-token must be at least " + MIN_LENGTH + " characters long");
		}
		return internalToken;
	}

	/** Says whether a token is set, never the token (this record may end up in a log). */
	@Override
	public String toString() {
		return "InternalTokenProperties[internalToken=" + ((this.internalToken != null) ? "(set)" : "(none)")
				+ ", internalTokenRequired=" + this.internalTokenRequired + "]";
	}

}
