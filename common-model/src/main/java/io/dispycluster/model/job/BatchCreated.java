package io.dispycluster.model.job;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code POST /scrape/batch}: the upstream's French message with the count,
 * the new jobs' ids and their batch id.
 *
 * @param message the upstream's French confirmation with the count
 * @param jobIds the new jobs' ids in the order of the submitted URLs
 * @param batchId the id shared by the jobs of this batch; null for an empty batch, which
 * creates no job
 */
public record BatchCreated(String message, List<String> jobIds, @Nullable String batchId) {

	public BatchCreated {
		jobIds = List.copyOf(jobIds);
	}

}
