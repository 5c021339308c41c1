package io.dispycluster.gateway.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar gateway-service.jar hash-api-key [KEY]}: prints the SHA-256 to put in
 * {@code dispycluster.security.api-keys[].sha256}. Without {@code KEY} the key is read
 * from the first line of standard input, which keeps it out of the shell history. The
 * same value comes from {@code printf '%s' "$KEY" | sha256sum}.
 */
public final class ApiKeyHash {

	/** The first command-line argument that selects this command. */
	public static final String COMMAND = "hash-api-key";

	private ApiKeyHash() {
	}

	/** Runs the command; returns the process exit code. */
	public static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) throws IOException {
		String key = (args.length > 1) ? args[1]
				: new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
		if (key == null || key.isBlank()) {
			err.println("usage: java -jar gateway-service.jar " + COMMAND + " [KEY]   (or the key on standard input)");
			return 2;
		}
		out.println(ApiKeys.sha256Hex(key.strip()));
		return 0;
	}

}
