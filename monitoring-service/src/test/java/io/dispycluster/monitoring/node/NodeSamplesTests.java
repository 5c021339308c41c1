package io.dispycluster.monitoring.node;

import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class NodeSamplesTests {

	private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

	private NodeSamples samples;

	@BeforeEach
	void database() {
		DataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:node-samples-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		this.samples = new NodeSamples(JdbcClient.create(dataSource));
	}

	@Test
	void theLatestSampleOfEachNodeIsItsNewestWhateverTheOrderTheyWereStoredIn() {
		sample("pi-b", 30, 31.0);
		sample("pi-a", 15, 15.0);
		sample("pi-a", 45, 45.0);
		sample("pi-b", 60, 60.0);
		sample("pi-a", 30, 30.0);
		sample("pi-c", 0, 1.0);

		assertThat(this.samples.latestOfEach())
			.extracting(NodeSample::node, NodeSample::sampledAt, (sample) -> sample.system().cpuUsage())
			.containsExactly(tuple("pi-a", T0.plusSeconds(45), 45.0), tuple("pi-b", T0.plusSeconds(60), 60.0),
					tuple("pi-c", T0, 1.0));
	}

	@Test
	void noNodeHasALatestSampleInAnEmptyDatabase() {
		assertThat(this.samples.latestOfEach()).isEmpty();
	}

	private void sample(String node, long seconds, double cpu) {
		this.samples.add(new NodeSample(node, T0.plusSeconds(seconds), SampleSource.WORKER,
				new SystemFigures(cpu, null, null, null, null, null, null, null, null, null), Workload.NONE));
	}

}
