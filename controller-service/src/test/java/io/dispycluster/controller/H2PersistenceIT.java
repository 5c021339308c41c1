package io.dispycluster.controller;

import java.util.Map;

/**
 * The persistence scenarios on the default database: an H2 file in the data directory,
 * reopened by the restarted controller.
 */
class H2PersistenceIT extends PersistenceScenarios {

	@Override
	Map<String, String> database() {
		return Map.of("dispycluster.data-dir", this.dataDir.toString());
	}

}
