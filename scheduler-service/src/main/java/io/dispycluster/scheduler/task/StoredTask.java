package io.dispycluster.scheduler.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.dispycluster.model.job.CrawlOptions;
import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.definition.StoredDefinition;
import io.dispycluster.scheduler.schedule.ScheduleSpec;
import io.dispycluster.scheduler.schedule.ScheduleType;
import io.dispycluster.scheduler.scrape.CrawlFields;
import io.dispycluster.scheduler.system.OrderedMaps;

/**
 * A row of the {@code task} table.
 */
record StoredTask(String id, String name, @Nullable String description, List<String> urls, int maxPages,
		boolean sameOriginOnly, int timeoutS, int priority, ScheduleType scheduleType,
		Map<String, Object> scheduleConfig, boolean allowConcurrentRuns, boolean enabled, TaskStatus status,
		Instant createdAt, Instant updatedAt, @Nullable Instant lastRun, int runCount, int successCount,
		int failureCount, CrawlFields crawl) implements StoredDefinition {

	StoredTask {
		urls = List.copyOf(urls);
		scheduleConfig = OrderedMaps.copyOf(scheduleConfig);
	}

	/** The task's definition, its schedule read again as of {@code now}. */
	TaskDefinition definition(Instant now) {
		return new TaskDefinition(this.name, this.description, this.urls, this.maxPages, this.sameOriginOnly,
				this.timeoutS, this.priority, schedule(now), this.allowConcurrentRuns, this.crawl);
	}

	@Override
	public ScheduleSpec schedule(Instant now) {
		return ScheduleSpec.parse(this.scheduleType, this.scheduleConfig, now);
	}

	/** The task as users see it. */
	Task view(@Nullable Instant nextRun) {
		CrawlOptions options = this.crawl.options();
		return new Task(this.id, this.name, this.description, this.urls, this.maxPages, this.sameOriginOnly,
				this.timeoutS, this.priority, options.maxDepth(), options.includePatterns(), options.excludePatterns(),
				options.delayMs(), options.userAgent(), options.extract(), this.crawl.nodeLabels(), this.scheduleType,
				this.scheduleConfig, this.createdAt, this.updatedAt, this.lastRun, nextRun, this.status, this.runCount,
				this.successCount, this.failureCount, this.enabled, this.allowConcurrentRuns);
	}

}
