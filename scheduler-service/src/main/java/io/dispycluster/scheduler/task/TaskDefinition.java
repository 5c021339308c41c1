package io.dispycluster.scheduler.task;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dispycluster.model.job.BatchScrapeRequest;
import io.dispycluster.scheduler.scrape.CrawlFields;
import io.dispycluster.scheduler.definition.ScheduledDefinition;
import io.dispycluster.scheduler.schedule.ScheduleSpec;

/**
 * What a task does and when, validated and with defaults applied.
 *
 * @param name its name
 * @param description what it is for
 * @param urls the start URLs
 * @param maxPages pages per job
 * @param sameOriginOnly follow only same-origin links
 * @param timeoutS timeout of each page request in seconds
 * @param priority 1..10
 * @param schedule when it runs
 * @param allowConcurrentRuns whether runs may overlap
 * @param crawl the optional crawl fields and node labels of its jobs
 */
record TaskDefinition(String name, @Nullable String description, List<String> urls, int maxPages,
		boolean sameOriginOnly, int timeoutS, int priority, ScheduleSpec schedule, boolean allowConcurrentRuns,
		CrawlFields crawl) implements ScheduledDefinition {

	TaskDefinition {
		urls = List.copyOf(urls);
	}

	/** The batch one run submits to the controller. */
	BatchScrapeRequest batch() {
		return this.crawl.batch(this.urls, this.maxPages, this.sameOriginOnly, this.timeoutS, this.priority);
	}

}
