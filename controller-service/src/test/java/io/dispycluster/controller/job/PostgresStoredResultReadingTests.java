package io.dispycluster.controller.job;

import com.zaxxer.hikari.HikariDataSource;
import io.dispycluster.support.testing.PostgresTestServer;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StoredResultReadingScenarios} on PostgreSQL, and results stored as text before
 * migration V9 read after it, each test in a fresh schema migrated by the real migrations
 * (skipped without a server, see {@link PostgresTestServer}).
 */
class PostgresStoredResultReadingTests extends StoredResultReadingScenarios {

	@RegisterExtension
	static final PostgresTestServer postgres = new PostgresTestServer("controller_results_");

	private DriverManagerDataSource dataSource;

	@BeforeEach
	void connect() {
		this.dataSource = new DriverManagerDataSource(postgres.url());
		this.dataSource.setSchema(postgres.schema());
	}

	@Override
	NamedParameterJdbcTemplate jdbc() {
		flyway(this.dataSource, MigrationVersion.LATEST).migrate();
		return new NamedParameterJdbcTemplate(this.dataSource);
	}

	@Override
	HikariDataSource poolOfOne() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(postgres.url());
		pool.setSchema(postgres.schema());
		pool.setMaximumPoolSize(1);
		pool.setConnectionTimeout(250);
		jdbc();
		return pool;
	}

	@Test
	void keepsTheResultsStoredAsTextBeforeTheyWereStoredAsBytes() {
		flyway(this.dataSource, MigrationVersion.fromVersion("8")).migrate();
		NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(this.dataSource);
		JobStore store = new JobStore(jdbc);
		Job job = JobFixtures.aQueuedJob();
		store.insert(List.of(job));
		String json = "{\"pages\":[{\"title\":\"Café 😀\"}],\"x\":\"" + "é".repeat(600_000) + "\"}";
		jdbc.update("INSERT INTO job_result (job_id, result_json) VALUES (:id, :json)",
				Map.of("id", job.id().value(), "json", json));

		flyway(this.dataSource, MigrationVersion.LATEST).migrate();

		assertThat(store.readResult(job.id(), StoredResultReadingScenarios::readAll)).contains(json);
	}

	private static Flyway flyway(DriverManagerDataSource dataSource, MigrationVersion target) {
		return Flyway.configure()
			.dataSource(dataSource)
			.schemas(dataSource.getSchema())
			.defaultSchema(dataSource.getSchema())
			.createSchemas(true)
			.target(target)
			.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
			.load();
	}

}
