package io.dispycluster.gateway.security;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class SecurityPropertiesTests {

	private static final String HASH = "f771652f9a92965572a30dfc3b69800161e14d9395c7e01b773d79b0b8948b38";

	@Test
	void requiresAKeyWhenKeysAreRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(true, List.of(), null, false))
			.withMessageContaining("dispycluster.security.api-keys");
	}

	@Test
	void requiresATokenWhenTheTokenIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(false, List.of(), " ", true))
			.withMessageContaining("dispycluster.security.internal-token");
		assertThatIllegalArgumentException().isThrownBy(() -> properties(false, List.of(), "short", false))
			.withMessageContaining("at least 16");
	}

	@Test
	void refusesAKeyThatIsNotAHash() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecurityProperties.ApiKey("ops", "clear-text-key"))
			.withMessageContaining("sha256");
	}

	@Test
	void refusesTwoKeysWithOneName() {
		List<SecurityProperties.ApiKey> keys = List.of(new SecurityProperties.ApiKey("ops", HASH),
				new SecurityProperties.ApiKey("ops", HASH));

		assertThatIllegalArgumentException().isThrownBy(() -> properties(true, keys, null, false))
			.withMessageContaining("api-keys[1].name");
	}

	@Test
	void refusesTheWildcardOriginWithCredentials() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new SecurityProperties.Cors(List.of("*"), List.of("GET"), List.of(), true, Duration.ofMinutes(1)))
			.withMessageContaining("allow-credentials");
		assertThatNoException().isThrownBy(() -> new SecurityProperties.Cors(List.of("*"), List.of("GET"), List.of(),
				false, Duration.ofMinutes(1)));
	}

	private static SecurityProperties properties(boolean keysRequired, List<SecurityProperties.ApiKey> keys,
			String token, boolean tokenRequired) {
		return new SecurityProperties(keysRequired, keys, List.of("/health"), token, tokenRequired,
				DataSize.ofMegabytes(1), new SecurityProperties.RateLimit(0),
				new SecurityProperties.Cors(List.of(), List.of("GET"), List.of(), false, Duration.ofMinutes(30)));
	}

}
