package io.dispycluster.monitoring.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.monitoring.node.NodeBoard;
import io.dispycluster.monitoring.node.NodeInventoryProperties;
import io.dispycluster.monitoring.node.NodeSamples;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /} and {@code GET /health} in the upstream contract's shapes.
 */
@RestController
class StatusController {

	private static final Logger LOG = LoggerFactory.getLogger(StatusController.class);

	static final String SERVICE = "DispyCluster Monitoring";

	static final String VERSION = "1.0.0";

	private final NodeInventoryProperties inventory;

	private final NodeSamples samples;

	private final NodeBoard board;

	StatusController(NodeInventoryProperties inventory, NodeSamples samples, NodeBoard board) {
		this.inventory = inventory;
		this.samples = samples;
		this.board = board;
	}

	@GetMapping("/")
	ServiceInfo root() {
		return new ServiceInfo(SERVICE, VERSION, "running",
				new Endpoints("/health", "/cluster/health", "/nodes", "/metrics", "/performance", "/alerts"));
	}

	/**
	 * Healthy while the sample store answers; otherwise 503 with the reason, so that the
	 * gateway (which counts only 2xx as healthy) sees the truth.
	 */
	// milliseconds, as every other timestamp of the API
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	@GetMapping("/health")
	ResponseEntity<Health> health() {
		int nodes = monitoredNodes();
		try {
			return ResponseEntity.ok(new Health("healthy", now(), nodes, this.samples.count(), null));
		}
		catch (DataAccessException ex) {
			LOG.warn("Health check: the sample store does not answer: {}", ex.getMostSpecificCause().getMessage());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.body(new Health("unhealthy", now(), nodes, null, "database unavailable"));
		}
	}

	/**
	 * The service's description.
	 *
	 * @param service the service's name
	 * @param version its version
	 * @param status always {@code running} when it answers
	 * @param endpoints its main endpoints
	 */
	record ServiceInfo(String service, String version, String status, Endpoints endpoints) {
	}

	/**
	 * The main endpoints of the service, as upstream lists them.
	 *
	 * @param health own health
	 * @param clusterHealth the cluster's health
	 * @param nodes the nodes and their latest figures
	 * @param metrics figures about collection
	 * @param performance the job performance report
	 * @param alerts the active alerts
	 */
	record Endpoints(String health, String clusterHealth, String nodes, String metrics, String performance,
			String alerts) {
	}

	/**
	 * The nodes of the inventory and those the controller knows (workers that registered
	 * themselves), as sampled in the latest round; before the first round, the inventory.
	 */
	private int monitoredNodes() {
		Set<String> names = new HashSet<>(this.board.monitoredNames());
		this.inventory.nodes().forEach((node) -> names.add(node.name()));
		return names.size();
	}

	/**
	 * The service's health.
	 *
	 * @param status {@code healthy} or {@code unhealthy}
	 * @param timestamp when this answer was made
	 * @param monitoredNodes nodes monitored: the inventory's and the workers the
	 * controller knows
	 * @param metricsCollected samples stored, or null when the store does not answer
	 * @param error why the service is unhealthy, or null
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Health(String status, Instant timestamp, int monitoredNodes, @Nullable Long metricsCollected,
			@Nullable String error) {
	}

}
