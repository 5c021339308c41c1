package io.dispycluster.scheduler;

import java.nio.file.Path;
import java.util.List;

/**
 * The persistence scenarios on the embedded H2 file database (the default).
 */
class H2PersistenceIT extends PersistenceScenarios {

	@Override
	List<String> database(Path dataDir) {
		return List.of();
	}

}
