package io.dispycluster.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The configured API keys, and which of them a request presents. Keys are kept only as
 * SHA-256 hashes and compared in constant time; a presented key is never stored or
 * logged.
 */
@Component
class ApiKeys {

	/** The header carrying a key; {@code Authorization: Bearer} works too. */
	static final String HEADER = "X-API-Key";

	private static final String BEARER = "Bearer ";

	private static final String MATCH_ATTRIBUTE = ApiKeys.class.getName() + ".match";

	private static final String NO_MATCH = "";

	private final List<SecurityProperties.ApiKey> keys;

	private final List<byte[]> hashes;

	ApiKeys(SecurityProperties properties) {
		this.keys = properties.apiKeys();
		this.hashes = this.keys.stream().map((key) -> HexFormat.of().parseHex(key.sha256())).toList();
	}

	/**
	 * The name of the configured key the request presents, or null when it presents none
	 * or an unknown one. Worked out once per request.
	 */
	@Nullable String keyName(HttpServletRequest request) {
		Object cached = request.getAttribute(MATCH_ATTRIBUTE);
		if (cached instanceof String name) {
			return name.isEmpty() ? null : name;
		}
		String presented = presented(request);
		String name = (presented != null) ? match(presented) : null;
		request.setAttribute(MATCH_ATTRIBUTE, (name != null) ? name : NO_MATCH);
		return name;
	}

	/** The key a request presents, from {@code X-API-Key} or a bearer token, or null. */
	static @Nullable String presented(HttpServletRequest request) {
		String key = request.getHeader(HEADER);
		if (key != null && !key.isBlank()) {
			return key.trim();
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			String token = authorization.substring(BEARER.length()).trim();
			return token.isEmpty() ? null : token;
		}
		return null;
	}

	private @Nullable String match(String presented) {
		// The server reads header bytes as ISO-8859-1, one character per byte: encoding
		// them back gives the bytes the client sent, the UTF-8 of a key typed or made on
		// a UTF-8 system, which is what sha256sum and hash-api-key hashed. Hashing the
		// decoded string as UTF-8 would refuse every key with a non-ASCII character.
		byte[] hash = sha256(presented.getBytes(StandardCharsets.ISO_8859_1));
		String name = null;
		// every key is compared, whatever matched, so the time taken tells nothing
		for (int i = 0; i < this.hashes.size(); i++) {
			if (MessageDigest.isEqual(hash, this.hashes.get(i))) {
				name = this.keys.get(i).name();
			}
		}
		return name;
	}

	/** The SHA-256 of a key, as configured: 64 lower-case hexadecimal digits. */
	static String sha256Hex(String key) {
		return HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] sha256(byte[] key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
