package io.dispycluster.gateway.security;

import org.junit.jupiter.api.Test;

import io.dispycluster.gateway.GatewayApplication;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The production profile refuses to start a gateway that anyone could use, with a message
 * naming the property.
 */
class ProductionStartupIT {

	private static final String[] PRODUCTION = { "--spring.profiles.active=production", "--server.port=0",
			"--spring.main.banner-mode=off" };

	@Test
	void refusesToStartWithoutAnApiKey() {
		assertThatException()
			.isThrownBy(() -> start("--dispycluster.security.internal-token=internal-token-for-tests-0123456789"))
			.withStackTraceContaining("dispycluster.security.api-keys must hold at least one key");
	}

	@Test
	void refusesToStartWithoutAnInternalToken() {
		assertThatException()
			.isThrownBy(() -> start("--dispycluster.security.api-keys[0].name=ops",
					"--dispycluster.security.api-keys[0].sha256="
							+ "f771652f9a92965572a30dfc3b69800161e14d9395c7e01b773d79b0b8948b38"))
			.withStackTraceContaining("dispycluster.security.internal-token must be set");
	}

	private static void start(String... args) {
		String[] all = new String[PRODUCTION.length + args.length];
		System.arraycopy(PRODUCTION, 0, all, 0, PRODUCTION.length);
		System.arraycopy(args, 0, all, PRODUCTION.length, args.length);
		SpringApplication.run(GatewayApplication.class, all).close();
	}

}
