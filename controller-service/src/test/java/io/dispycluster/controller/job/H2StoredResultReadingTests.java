package io.dispycluster.controller.job;

import io.dispycluster.controller.support.MigratedH2;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** {@link StoredResultReadingScenarios} on H2. */
class H2StoredResultReadingTests extends StoredResultReadingScenarios {

	private final NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(MigratedH2.create("results"));

	@Override
	NamedParameterJdbcTemplate jdbc() {
		return this.jdbc;
	}

}
