package io.dispycluster.scheduler.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

import io.dispycluster.model.job.CrawlOptions;
import io.dispycluster.model.job.ExtractRule;
import io.dispycluster.scheduler.schedule.SchedulableRequest;
import io.dispycluster.scheduler.schedule.ScheduleSpec;
import io.dispycluster.scheduler.schedule.ScheduleType;
import io.dispycluster.scheduler.schedule.ValidSchedule;
import io.dispycluster.scheduler.scrape.CrawlFields;
import io.dispycluster.scheduler.system.WebUrl;

/**
 * The body of {@code POST /tasks} and {@code PUT /tasks/{id}}: the upstream contract's
 * fields with their defaults and limits, plus {@code allow_concurrent_runs} and the
 * optional crawl fields of {@code POST /scrape} (see {@link CrawlFields}). The JSON types
 * of its fields, the crawl fields and the node labels are checked before it is bound
 * ({@link TaskBodyAdvice}); ranges, sizes and the schedule by its constraints (a range is
 * named whole, "must be between 1 and 1000", as {@code POST /scrape} names it).
 *
 * @param name the task's name (required)
 * @param description what it is for
 * @param urls the start URLs, 1 to 50 http(s) URLs: each run submits one job per URL
 * @param maxPages pages per job, 1..1000 (default 10)
 * @param sameOriginOnly follow only same-origin links (default true)
 * @param timeoutS timeout of each page request in seconds, 1..300 (default 30)
 * @param priority 1..10, higher first (default 1)
 * @param scheduleType {@code once} (default), {@code interval} or {@code cron}
 * @param scheduleConfig {@code datetime}, {@code seconds} or {@code cron} and
 * {@code timezone}, depending on the type
 * @param allowConcurrentRuns whether a run may start while the previous one is still
 * running (default false: that fire is skipped and recorded)
 * @param maxDepth the most links followed from a start URL, as for {@code POST /scrape}
 * @param includePatterns regular expressions a followed link must match
 * @param excludePatterns regular expressions a followed link must not match
 * @param delayMs the least time between two requests to the same host, in milliseconds
 * @param userAgent the {@code User-Agent} to send, where the worker allows it
 * @param extract fields to read from every crawled page, by name
 * @param nodeLabels the labels a worker must have to be given the jobs
 */
@ValidSchedule
record TaskRequest(@Nullable @NotBlank @Size(max = 255) String name, @Nullable @Size(max = 2000) String description,
		@Nullable @NotNull @Size(min = 1, max = 50) List<@WebUrl String> urls,
		@Nullable @Range(min = 1, max = 1000) Integer maxPages, @Nullable Boolean sameOriginOnly,
		@Nullable @Range(min = 1, max = 300) Integer timeoutS, @Nullable @Range(min = 1, max = 10) Integer priority,
		@Nullable ScheduleType scheduleType, @Nullable Map<String, Object> scheduleConfig,
		@Nullable Boolean allowConcurrentRuns, @Nullable Integer maxDepth, @Nullable List<String> includePatterns,
		@Nullable List<String> excludePatterns, @Nullable Integer delayMs, @Nullable String userAgent,
		@Nullable Map<String, ExtractRule> extract,
		@Nullable Map<String, String> nodeLabels) implements SchedulableRequest {

	/** The task this request defines, defaults applied. Call only once it is valid. */
	TaskDefinition toDefinition(Instant now) {
		return new TaskDefinition(Objects.requireNonNull(this.name).trim(), this.description,
				Objects.requireNonNull(this.urls).stream().map(String::trim).toList(),
				(this.maxPages != null) ? this.maxPages : 10,
				(this.sameOriginOnly != null) ? this.sameOriginOnly : true,
				(this.timeoutS != null) ? this.timeoutS : 30, (this.priority != null) ? this.priority : 1,
				ScheduleSpec.parse(this.scheduleType, this.scheduleConfig, now),
				(this.allowConcurrentRuns != null) ? this.allowConcurrentRuns : false,
				new CrawlFields(new CrawlOptions(this.maxDepth, this.includePatterns, this.excludePatterns,
						this.delayMs, this.userAgent, this.extract),
						(this.nodeLabels != null) ? this.nodeLabels : Map.of()));
	}

}
