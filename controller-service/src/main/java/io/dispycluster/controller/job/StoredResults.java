package io.dispycluster.controller.job;

import java.io.Reader;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where {@link JobJsonWriter} reads the results it copies: opens a job's stored result as
 * a character stream and applies a function to it while the stream is open.
 */
@FunctionalInterface
interface StoredResults {

	/** No job has a result. */
	StoredResults NONE = (id, copy) -> Optional.empty();

	/**
	 * Reads a job's stored result.
	 * @param id the job
	 * @param copy what to do with the stream
	 * @return the function's value, or empty when the job has no result
	 */
	Optional<Boolean> read(JobId id, Function<Reader, Boolean> copy);

}
