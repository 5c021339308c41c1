package io.dispycluster.deploy;

/**
 * The failover scenarios with the controller on PostgreSQL in its production profile, as
 * on an installed master; its restart keeps the same database. Skipped without
 * {@code DISPYCLUSTER_TEST_POSTGRES_URL} (see {@link PostgresDatabase}).
 */
class PostgresFailoverEndToEndIT extends FailoverScenarios {

	@Override
	boolean onPostgres() {
		return true;
	}

}
