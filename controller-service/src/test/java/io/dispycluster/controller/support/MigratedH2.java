package io.dispycluster.controller.support;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh in-memory H2 database migrated by the controller's real migrations, for the
 * tests of one store or component without the application around it.
 */
public final class MigratedH2 {

	private MigratedH2() {
	}

	/**
	 * A new database of its own.
	 * @param name a prefix for its name (a unique suffix is added)
	 * @return its data source
	 */
	public static DataSource create(String name) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + name + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		return dataSource;
	}

}
