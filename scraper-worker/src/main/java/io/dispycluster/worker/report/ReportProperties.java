package io.dispycluster.worker.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the worker talks to the controller.
 *
 * @param progressInterval how often each running job's progress is sent; progress also
 * tells the controller the worker is still on the job
 * @param initialBackoff the wait before the first retry of a failed report or
 * registration; each retry doubles it
 * @param maxBackoff the longest wait between two retries
 * @param giveUpAfter how long a final report is retried before it is dropped (logged as
 * an error); by then the controller has given the job to another worker
 */
@ConfigurationProperties("dispycluster.worker.report")
@Validated
public record ReportProperties(@DefaultValue("5s") Duration progressInterval,
		@DefaultValue("500ms") Duration initialBackoff, @DefaultValue("30s") Duration maxBackoff,
		@DefaultValue("24h") Duration giveUpAfter) {
}
