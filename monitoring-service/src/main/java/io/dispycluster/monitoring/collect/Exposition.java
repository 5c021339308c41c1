package io.dispycluster.monitoring.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The samples of a Prometheus text exposition ({@code text/plain; version=0.0.4}, and the
 * OpenMetrics text that node_exporter can also serve), parsed line by line: metric name,
 * labels with quoted and escaped values, value ({@code NaN}, {@code +Inf}, {@code -Inf}
 * included), optional timestamp. Comments and blank lines are skipped; a line that does
 * not parse is counted and skipped, so one odd line does not cost every figure.
 *
 * @param samples the samples kept, in the order of the text
 * @param malformedLines lines that did not parse
 */
record Exposition(List<Sample> samples, int malformedLines) {

	Exposition {
		samples = List.copyOf(samples);
	}

	/** Parses every sample. */
	static Exposition parse(String text) {
		return parse(text, (name) -> true);
	}

	/** Parses the samples whose metric name {@code keep} accepts. */
	static Exposition parse(String text, Predicate<String> keep) {
		List<Sample> samples = new ArrayList<>();
		int malformed = 0;
		for (String line : text.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			try {
				Sample sample = new LineParser(trimmed).sample(keep);
				if (sample != null) {
					samples.add(sample);
				}
			}
			catch (IllegalArgumentException ex) {
				malformed++;
			}
		}
		return new Exposition(samples, malformed);
	}

	/** The samples of one metric. */
	List<Sample> all(String name) {
		return this.samples.stream().filter((sample) -> sample.name().equals(name)).toList();
	}

	/** The value of the first sample of a metric, if any. */
	OptionalDouble first(String name) {
		return this.samples.stream()
			.filter((sample) -> sample.name().equals(name))
			.mapToDouble(Sample::value)
			.findFirst();
	}

	/** The sum of the samples of a metric whose labels pass {@code filter}, if any. */
	OptionalDouble sum(String name, Predicate<Map<String, String>> filter) {
		List<Sample> matching = all(name).stream().filter((sample) -> filter.test(sample.labels())).toList();
		if (matching.isEmpty()) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of(matching.stream().mapToDouble(Sample::value).sum());
	}

	/** The highest value of a metric, NaN values ignored, if any. */
	OptionalDouble max(String name) {
		return all(name).stream().mapToDouble(Sample::value).filter(Double::isFinite).max();
	}

	/**
	 * One sample.
	 *
	 * @param name the metric name
	 * @param labels its labels
	 * @param value its value
	 */
	record Sample(String name, Map<String, String> labels, double value) {

		Sample {
			labels = Map.copyOf(labels);
		}

		String label(String label) {
			return this.labels.getOrDefault(label, "");
		}

	}

	/** A parser of one non-comment line. */
	private static final class LineParser {

		private final String line;

		private int pos;

		LineParser(String line) {
			this.line = line;
		}

		@Nullable Sample sample(Predicate<String> keep) {
			String name = name();
			if (!keep.test(name)) {
				return null;
			}
			Map<String, String> labels = new java.util.LinkedHashMap<>();
			if (peek() == '{') {
				this.pos++;
				labels(labels);
			}
			spaces();
			int start = this.pos;
			while (this.pos < this.line.length() && !Character.isWhitespace(this.line.charAt(this.pos))) {
				this.pos++;
			}
			if (start == this.pos) {
				throw new IllegalArgumentException("no value");
			}
			double value = value(this.line.substring(start, this.pos));
			// An optional timestamp may follow; nothing else may.
			spaces();
			if (this.pos < this.line.length()) {
				value(this.line.substring(this.pos).strip());
			}
			return new Sample(name, labels, value);
		}

		private String name() {
			int start = this.pos;
			while (this.pos < this.line.length() && isNameChar(this.line.charAt(this.pos), this.pos == start)) {
				this.pos++;
			}
			if (start == this.pos) {
				throw new IllegalArgumentException("no metric name");
			}
			return this.line.substring(start, this.pos);
		}

		private void labels(Map<String, String> labels) {
			while (true) {
				spaces();
				if (peek() == '}') {
					this.pos++;
					return;
				}
				String label = name();
				spaces();
				expect('=');
				spaces();
				expect('"');
				labels.put(label, quoted());
				spaces();
				if (peek() == ',') {
					this.pos++;
				}
				else if (peek() != '}') {
					throw new IllegalArgumentException("expected , or }");
				}
			}
		}

		private String quoted() {
			StringBuilder value = new StringBuilder();
			while (this.pos < this.line.length()) {
				char c = this.line.charAt(this.pos++);
				if (c == '"') {
					return value.toString();
				}
				if (c == '\\' && this.pos < this.line.length()) {
					char escaped = this.line.charAt(this.pos++);
					value.append((escaped == 'n') ? '\n' : escaped);
				}
				else {
					value.append(c);
				}
			}
			throw new IllegalArgumentException("unterminated label value");
		}

		private void expect(char c) {
			if (peek() != c) {
				throw new IllegalArgumentException("expected " + c);
			}
			this.pos++;
		}

		private char peek() {
			return (this.pos < this.line.length()) ? this.line.charAt(this.pos) : '\0';
		}

		private void spaces() {
			while (this.pos < this.line.length() && Character.isWhitespace(this.line.charAt(this.pos))) {
				this.pos++;
			}
		}

		private static boolean isNameChar(char c, boolean first) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
					|| (!first && c >= '0' && c <= '9');
		}

		private static double value(String token) {
			return switch (token) {
				case "NaN" -> Double.NaN;
				case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
				case "-Inf" -> Double.NEGATIVE_INFINITY;
				default -> {
					try {
						yield Double.parseDouble(token);
					}
					catch (NumberFormatException ex) {
						throw new IllegalArgumentException("not a number: " + token);
					}
				}
			};
		}

	}

}
