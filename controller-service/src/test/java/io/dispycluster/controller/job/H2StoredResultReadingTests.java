package io.dispycluster.controller.job;

import com.zaxxer.hikari.HikariDataSource;
import io.dispycluster.controller.support.MigratedH2;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** {@link StoredResultReadingScenarios} on H2. */
class H2StoredResultReadingTests extends StoredResultReadingScenarios {

	private final NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(MigratedH2.create("results"));

	@Override
	NamedParameterJdbcTemplate jdbc() {
		return this.jdbc;
	}

	@Override
	HikariDataSource poolOfOne() {
		String url = "jdbc:h2:mem:results-pool" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		// migrated first: Flyway takes two connections
		Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername("sa");
		pool.setMaximumPoolSize(1);
		pool.setConnectionTimeout(250);
		return pool;
	}

}
