package io.dispycluster.worker;

import io.dispycluster.support.labels.LabelRules;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who this worker is in the cluster.
 *
 * @param nodeName the node's name, unique in the cluster
 * @param advertisedUrl the base URL where the controller reaches this worker
 * @param capacity how many jobs the worker runs at once
 * @param register whether the worker registers with the controller (at start-up, retrying
 * in the background until the controller answers, then every
 * {@code registrationInterval})
 * @param registrationInterval how often the worker registers again, so that a controller
 * started after it, or one that lost track of it, learns of it
 * @param labels short facts about this node ({@code model: pi4}, {@code zone: attic})
 * sent in its registration, which jobs may ask for with {@code node_labels}; for a node
 * of the controller's inventory, the inventory's labels override these key by key; the
 * rules of {@link LabelRules}
 */
@ConfigurationProperties("dispycluster.worker")
@Validated
public record WorkerProperties(@DefaultValue("local") @NotBlank String nodeName,
		@DefaultValue("http://localhost:8080") @NotBlank String advertisedUrl, @DefaultValue("2") @Min(1) int capacity,
		@DefaultValue("true") boolean register, @DefaultValue("30s") Duration registrationInterval,
		@DefaultValue Map<String, String> labels) {

	public WorkerProperties {
		if (registrationInterval.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("dispycluster.worker.registration-interval must be at least 1s");
		}
		labels = (labels != null) ? Collections.unmodifiableMap(new TreeMap<>(labels)) : Map.of();
		LabelRules.requireValid(labels, "dispycluster.worker.labels");
	}

}
