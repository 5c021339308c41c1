package io.dispycluster.monitoring.collect;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dispycluster.monitoring.collect.Exposition.Sample;

import static org.assertj.core.api.Assertions.assertThat;

class ExpositionTests {

	@Test
	void readsNamesLabelsAndValues() {
		Exposition metrics = Exposition.parse("""
				# HELP node_load1 1m load average.
				# TYPE node_load1 gauge
				node_load1 0.52
				node_cpu_seconds_total{cpu="0",mode="idle"} 1.2345e+04

				node_filesystem_avail_bytes{ device = "/dev/sda1" , mountpoint="/", } 42
				""");

		assertThat(metrics.samples()).containsExactly(new Sample("node_load1", Map.of(), 0.52),
				new Sample("node_cpu_seconds_total", Map.of("cpu", "0", "mode", "idle"), 12345),
				new Sample("node_filesystem_avail_bytes", Map.of("device", "/dev/sda1", "mountpoint", "/"), 42));
		assertThat(metrics.malformedLines()).isZero();
	}

	@Test
	void readsEscapedLabelValuesWithBracesCommasAndSpaces() {
		Exposition metrics = Exposition
			.parse("node_uname_info{version=\"#1 SMP {x}, \\\"quoted\\\" \\\\ end\\nnext\",machine=\"aarch64\"} 1\n");

		assertThat(metrics.samples()).singleElement().satisfies((sample) -> {
			assertThat(sample.label("version")).isEqualTo("#1 SMP {x}, \"quoted\" \\ end\nnext");
			assertThat(sample.label("machine")).isEqualTo("aarch64");
			assertThat(sample.value()).isEqualTo(1);
		});
	}

	@Test
	void readsSpecialValuesAndIgnoresTimestamps() {
		Exposition metrics = Exposition.parse("""
				a NaN
				b +Inf
				c -Inf 1764000000000
				d{code="200"} 1234 1764000000000
				""");

		assertThat(metrics.first("a").getAsDouble()).isNaN();
		assertThat(metrics.first("b").getAsDouble()).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(metrics.first("c").getAsDouble()).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(metrics.first("d").getAsDouble()).isEqualTo(1234);
	}

	@Test
	void skipsAndCountsLinesThatDoNotParse() {
		Exposition metrics = Exposition.parse("""
				good 1
				no_value
				bad{label="unterminated} 1
				bad_value abc
				{}  3
				also_good{x="1"} 2
				""");

		assertThat(metrics.samples()).extracting(Sample::name).containsExactly("good", "also_good");
		assertThat(metrics.malformedLines()).isEqualTo(4);
	}

	@Test
	void matchesMetricNamesExactlyNotByPrefix() {
		Exposition metrics = Exposition.parse("""
				node_load1 0.5
				node_load15 1.75
				node_load5 0.98
				""");

		assertThat(metrics.first("node_load1").getAsDouble()).isEqualTo(0.5);
		assertThat(metrics.first("node_load5").getAsDouble()).isEqualTo(0.98);
		assertThat(metrics.first("node_load15").getAsDouble()).isEqualTo(1.75);
		assertThat(metrics.first("node_load")).isEmpty();
	}

	@Test
	void keepsOnlyTheNamesAsked() {
		Exposition metrics = Exposition.parse("a 1\nb 2\nc{x=\"y\"} 3\n", (name) -> !name.equals("b"));

		assertThat(metrics.samples()).extracting(Sample::name).containsExactly("a", "c");
	}

}
