package io.dispycluster.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Command-line options of the form {@code --name=value}, each with a default.
 */
public final class Args {

	private final Map<String, String> values = new HashMap<>();

	private Args() {
	}

	/**
	 * Reads {@code --name=value} options; anything else is refused.
	 * @param args the command line
	 * @return the options
	 */
	public static Args parse(String[] args) {
		Args parsed = new Args();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 3) {
				throw new IllegalArgumentException("Expected --name=value, got: " + arg);
			}
			parsed.values.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		return parsed;
	}

	public String string(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	public int integer(String name, int fallback) {
		String value = this.values.get(name);
		return (value != null) ? Integer.parseInt(value) : fallback;
	}

	public long longValue(String name, long fallback) {
		String value = this.values.get(name);
		return (value != null) ? Long.parseLong(value) : fallback;
	}

}
