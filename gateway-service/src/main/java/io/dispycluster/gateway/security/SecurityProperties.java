package io.dispycluster.gateway.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.dispycluster.support.security.InternalTokenProperties;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's security settings. The production profile turns API keys and the internal
 * token on; a bad combination stops the start-up with a message naming the property.
 *
 * @param apiKeyRequired whether every request except the public paths needs an API key
 * ({@code X-API-Key} or {@code Authorization: Bearer}), default false, true in production
 * @param apiKeys the accepted keys, each stored as the SHA-256 of the key (make one with
 * {@code java -jar gateway-service.jar hash-api-key}, or
 * {@code printf '%s' "$KEY" | sha256sum}); at least one when keys are required
 * @param publicPaths paths open without a key; an anonymous {@code /health} shows only
 * the overall status; default {@code /health} and {@code /actuator/health}
 * @param internalToken the token the gateway adds to every call to a service
 * ({@code X-Internal-Token}), so that the services can refuse calls that did not come
 * through it; default none
 * @param internalTokenRequired whether the start-up fails without an internal token,
 * default false, true in production
 * @param maxBodySize the largest request body accepted (413 beyond), default 1 MB
 * @param rateLimit requests allowed per client
 * @param cors which browser origins may call the gateway
 */
@Validated
@ConfigurationProperties("dispycluster.security")
public record SecurityProperties(@DefaultValue("false") boolean apiKeyRequired, @DefaultValue List<ApiKey> apiKeys,
		@DefaultValue( {
				"/health", "/actuator/health" }) List<String> publicPaths,
		@Nullable String internalToken, @DefaultValue("false") boolean internalTokenRequired,
		@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue RateLimit rateLimit, @DefaultValue Cors cors){

	public SecurityProperties {
		apiKeys = List.copyOf(apiKeys);
		publicPaths = List.copyOf(publicPaths);
		if (apiKeyRequired && apiKeys.isEmpty()) {
			throw new IllegalArgumentException("dispycluster.security.api-keys must hold at least one key when "
					+ "dispycluster.security.api-key-required is true (always the case in production)");
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < apiKeys.size(); i++) {
			if (!names.add(apiKeys.get(i).name())) {
				throw new IllegalArgumentException(
						"dispycluster.security.api-keys[" + i + "].name repeats '" + apiKeys.get(i).name() + "'");
			}
		}
		internalToken = InternalTokenProperties.checked(internalToken, internalTokenRequired);
		if (maxBodySize.toBytes() <= 0) {
			throw new IllegalArgumentException("dispycluster.security.max-body-size must be positive");
		}
	}

	/**
	 * One accepted API key.
	 *
	 * @param name who holds the key; shown in logs and used for its rate limit
	 * @param sha256 the SHA-256 of the key, 64 hexadecimal digits
	 */
	public record ApiKey(String name, String sha256) {

		public ApiKey {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("dispycluster.security.api-keys[].name must not be empty");
			}
			if (sha256 == null || !sha256.matches("(?i)[0-9a-f]{64}")) {
				throw new IllegalArgumentException("dispycluster.security.api-keys[].sha256 of key '" + name
						+ "' must be the 64 hexadecimal digits of the key's SHA-256");
			}
			sha256 = sha256.toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * Requests allowed per client: per API key when keys are on, per client address
	 * otherwise.
	 *
	 * @param requestsPerMinute the limit, refilled smoothly; 0 turns limiting off;
	 * default 0, 100 in production
	 */
	public record RateLimit(@Min(0) @DefaultValue("0") int requestsPerMinute) {

		boolean enabled() {
			return this.requestsPerMinute > 0;
		}

	}

	/**
	 * Browser access from other origins.
	 *
	 * @param allowedOrigins origins allowed to call the gateway, e.g.
	 * {@code https://grafana.lan}; default none
	 * @param allowedMethods methods they may use
	 * @param allowedHeaders request headers they may send
	 * @param allowCredentials whether browsers may send cookies or credentials; never
	 * together with the {@code *} origin; default false
	 * @param maxAge how long a browser may cache a preflight answer, default 30 min
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue( {
			"GET", "POST", "PUT", "DELETE", "PATCH" }) List<String> allowedMethods,
			@DefaultValue({ "Content-Type", "Authorization", "X-API-Key", "X-Request-Id",
					"Idempotency-Key" }) List<String> allowedHeaders,
			@DefaultValue("false") boolean allowCredentials, @DefaultValue("30m") Duration maxAge){

		public Cors {
			allowedOrigins = new ArrayList<>(allowedOrigins);
			if (allowCredentials && allowedOrigins.contains("*")) {
				throw new IllegalArgumentException("dispycluster.security.cors.allowed-origins must list the origins "
						+ "explicitly when dispycluster.security.cors.allow-credentials is true, not '*'");
			}
			allowedOrigins = List.copyOf(allowedOrigins);
			allowedMethods = List.copyOf(allowedMethods);
			allowedHeaders = List.copyOf(allowedHeaders);
		}

	}

}
