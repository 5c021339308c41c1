package io.dispycluster.scheduler.system;

import java.time.Instant;

/**
 * A part of the service that moves runs forward on each tick of the {@link RunLoop}:
 * state lives in the database, so a tick after a restart continues where the last one
 * stopped. Implementations are ordered with {@code @Order}.
 */
public interface RunAdvancer {

	/**
	 * Moves what is due forward. Must not block for long: no sleeping, bounded HTTP
	 * calls.
	 * @param now the current time
	 */
	void advance(Instant now);

}
