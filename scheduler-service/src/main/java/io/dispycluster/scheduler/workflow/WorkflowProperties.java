package io.dispycluster.scheduler.workflow;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How workflow steps run.
 *
 * @param stepTimeout the timeout of a {@code scrape} or {@code webhook} step that does
 * not set its own {@code timeout_s}
 * @param retryBackoff the wait before a failed step's first retry; it doubles with each
 * retry
 * @param webhookTimeout the longest a webhook call may take
 * @param webhookAllowed networks (CIDR, e.g. {@code 192.168.0.0/16}) and host names that
 * webhooks may reach although they are private, loopback or otherwise internal; empty:
 * only public addresses
 * @param webhookConcurrency the most webhook calls made at once; they are made beside the
 * loop that moves runs forward, so a slow one holds up no other step or task, and a
 * webhook step ready when all are busy waits its turn (still pending)
 */
@ConfigurationProperties("dispycluster.scheduler.workflow")
@Validated
public record WorkflowProperties(@DefaultValue("1h") @NotNull Duration stepTimeout,
		@DefaultValue("10s") @NotNull Duration retryBackoff, @DefaultValue("10s") @NotNull Duration webhookTimeout,
		@DefaultValue List<String> webhookAllowed, @DefaultValue("4") @Min(1) @Max(64) int webhookConcurrency) {

	public WorkflowProperties {
		webhookAllowed = List.copyOf(webhookAllowed);
		for (String entry : webhookAllowed) {
			WebhookGuard.parseAllowed(entry);
		}
	}

}
