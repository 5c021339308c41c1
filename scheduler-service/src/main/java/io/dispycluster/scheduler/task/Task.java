package io.dispycluster.scheduler.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.dispycluster.model.job.ExtractRule;
import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.schedule.ScheduleType;

/**
 * A task as {@code GET /tasks} shows it: the upstream {@code ScrapeTask} fields, with a
 * {@code next_run} that is always Quartz's true next fire time, plus
 * {@code allow_concurrent_runs} and {@code updated_at}.
 *
 * @param id {@code task_<unix seconds>_<n>}
 * @param name its name
 * @param description what it is for
 * @param urls the start URLs
 * @param maxPages pages per job
 * @param sameOriginOnly follow only same-origin links
 * @param timeoutS timeout of each page request in seconds
 * @param priority 1..10
 * @param maxDepth the most links followed from a start URL (left out when not set)
 * @param includePatterns regular expressions a followed link must match (left out when
 * not set)
 * @param excludePatterns regular expressions a followed link must not match (left out
 * when not set)
 * @param delayMs the least time between two requests to a host (left out when not set)
 * @param userAgent the {@code User-Agent} to send (left out when not set)
 * @param extract fields read from every page (left out when not set)
 * @param nodeLabels the labels a worker must have (left out when none)
 * @param scheduleType the schedule type
 * @param scheduleConfig the schedule's configuration, defaults applied
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param lastRun when its last run started, or null
 * @param nextRun when it fires next, or null if it will not
 * @param status where it is
 * @param runCount how many runs started
 * @param successCount how many runs completed
 * @param failureCount how many runs failed
 * @param enabled whether it fires
 * @param allowConcurrentRuns whether runs may overlap
 */
record Task(String id, String name, @Nullable String description, List<String> urls, int maxPages,
		boolean sameOriginOnly, int timeoutS, int priority, @JsonInclude(Include.NON_NULL) @Nullable Integer maxDepth,
		@JsonInclude(Include.NON_NULL) @Nullable List<String> includePatterns,
		@JsonInclude(Include.NON_NULL) @Nullable List<String> excludePatterns,
		@JsonInclude(Include.NON_NULL) @Nullable Integer delayMs,
		@JsonInclude(Include.NON_NULL) @Nullable String userAgent,
		@JsonInclude(Include.NON_NULL) @Nullable Map<String, ExtractRule> extract,
		@JsonInclude(Include.NON_EMPTY) Map<String, String> nodeLabels, ScheduleType scheduleType,
		Map<String, Object> scheduleConfig, Instant createdAt, Instant updatedAt, @Nullable Instant lastRun,
		@Nullable Instant nextRun, TaskStatus status, int runCount, int successCount, int failureCount, boolean enabled,
		boolean allowConcurrentRuns) {
}
