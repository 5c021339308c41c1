package io.dispycluster.deploy;

/**
 * The end-to-end scrape scenarios with the controller, the scheduler and monitoring on
 * PostgreSQL in their production profile, as on an installed master. Skipped without
 * {@code DISPYCLUSTER_TEST_POSTGRES_URL} (see {@link PostgresDatabase}).
 */
class PostgresScrapeEndToEndIT extends ScrapeScenarios {

	@Override
	boolean onPostgres() {
		return true;
	}

}
