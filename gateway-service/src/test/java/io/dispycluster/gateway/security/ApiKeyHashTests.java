package io.dispycluster.gateway.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyHashTests {

	// printf '%s' test-ops-key-0001 | sha256sum
	private static final String OPS_HASH = "f771652f9a92965572a30dfc3b69800161e14d9395c7e01b773d79b0b8948b38";

	@Test
	void printsTheSameHashAsSha256sum() throws IOException {
		assertThat(run("", "hash-api-key", "test-ops-key-0001")).isEqualTo(OPS_HASH + "\n");
	}

	@Test
	void readsTheKeyFromStandardInput() throws IOException {
		assertThat(run("test-ops-key-0001\n", "hash-api-key")).isEqualTo(OPS_HASH + "\n");
	}

	@Test
	void explainsItselfWithoutAKey() throws IOException {
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int code = ApiKeyHash.run(new String[] { "hash-api-key" }, new ByteArrayInputStream(new byte[0]),
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

		assertThat(code).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage:");
	}

	private static String run(String stdin, String... args) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = ApiKeyHash.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
		assertThat(code).isZero();
		return out.toString(StandardCharsets.UTF_8);
	}

}
