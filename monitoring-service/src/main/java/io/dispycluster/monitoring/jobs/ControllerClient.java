package io.dispycluster.monitoring.jobs;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.monitoring.system.ClusterProperties;
import io.dispycluster.monitoring.system.HttpClients;
import io.dispycluster.monitoring.system.TransportFailures;
import io.dispycluster.support.security.InternalTokenProperties;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Reads the controller: its workers, its queue and its finished jobs. Sends the internal
 * token when one is configured. Every failure becomes a
 * {@link ControllerUnavailableException} with a short reason.
 */
@Component
public class ControllerClient {

	private static final Logger LOG = LoggerFactory.getLogger(ControllerClient.class);

	private static final ParameterizedTypeReference<List<JsonNode>> WORKERS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<JobEntry>> JOBS = new ParameterizedTypeReference<>() {
	};

	/** The longest node name, as the controller takes it and the database stores it. */
	static final int MAX_NODE_NAME = 255;

	/** Jobs of a status read on either side of where its oldest should be. */
	private static final int OLDEST_SLACK = 50;

	private final RestClient http;

	private final ControllerClientProperties properties;

	private final JsonMapper json;

	/** The unusable node names of the last listing, so that they are logged once. */
	private volatile List<String> skipped = List.of();

	ControllerClient(RestClient.Builder builder, ClusterProperties cluster, InternalTokenProperties security,
			ControllerClientProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		this.http = HttpClients.withTimeout(builder.clone(), properties.timeout())
			.baseUrl(cluster.services().controller().toString())
			.defaultHeaders((headers) -> {
				if (security.internalToken() != null) {
					headers.set(InternalTokenProperties.HEADER, security.internalToken());
				}
			})
			.build();
	}

	/**
	 * The workers the controller knows, from {@code GET /workers}, but those whose node
	 * name cannot be a node's: missing, blank, longer than {@value #MAX_NODE_NAME}
	 * characters or holding a control character. Such a name cannot be stored (PostgreSQL
	 * refuses a NUL, both databases a longer name), and one entry that fails to be stored
	 * would stop every collection round, so every other node too would go unsampled. An
	 * entry that cannot be read (a count out of range, labels that are no map) is left
	 * out too, rather than making the whole listing unreadable.
	 */
	public List<WorkerEntry> workers() {
		List<JsonNode> entries = call("GET /workers", () -> this.http.get().uri("/workers").retrieve().body(WORKERS));
		if (entries == null) {
			return List.of();
		}
		List<WorkerEntry> workers = entries.stream().map(this::worker).toList();
		List<WorkerEntry> usable = workers.stream()
			.filter((worker) -> worker != null && usableName(worker.node()))
			.toList();
		List<String> skipped = workers.stream()
			.filter((worker) -> worker == null || !usableName(worker.node()))
			.map((worker) -> (worker != null) ? String.valueOf(worker.node()) : "null")
			.toList();
		if (!skipped.equals(this.skipped)) {
			this.skipped = skipped;
			if (!skipped.isEmpty()) {
				// once per change, not every round
				LOG.warn("Workers of the controller left unmonitored, their node name unusable: {}",
						skipped.stream()
							.map((name) -> name.replaceAll("\\p{Cntrl}", "?"))
							.map((name) -> (name.length() > 80) ? name.substring(0, 80) + "…" : name)
							.toList());
			}
		}
		return usable;
	}

	private @Nullable WorkerEntry worker(@Nullable JsonNode entry) {
		if (entry == null || !entry.isObject()) {
			return null;
		}
		try {
			return this.json.treeToValue(entry, WorkerEntry.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** Whether a node name can be monitored: 1 to 255 characters, no control one. */
	static boolean usableName(@Nullable String node) {
		return node != null && !node.isBlank() && node.length() <= MAX_NODE_NAME
				&& node.chars().noneMatch(Character::isISOControl);
	}

	/** The queue's depth now, from {@code GET /cluster}. */
	public QueueFigures queue() {
		QueueFigures figures = call("GET /cluster",
				() -> this.http.get().uri("/cluster").retrieve().body(QueueFigures.class));
		if (figures == null) {
			throw new ControllerUnavailableException("réponse vide du contrôleur (GET /cluster)", null);
		}
		return figures;
	}

	/**
	 * When the oldest job still pending or running now was created, or null when none is:
	 * a job that finishes later was created no earlier.
	 * @param figures the queue's depth just read, which says where the oldest jobs are
	 */
	public @Nullable Instant oldestUnfinished(QueueFigures figures) {
		Instant pending = oldestCreated("pending", figures.pendingJobs());
		Instant running = oldestCreated("running", figures.runningJobs());
		if (pending == null || (running != null && running.isBefore(pending))) {
			return running;
		}
		return pending;
	}

	/**
	 * The controller lists jobs newest created first, so the oldest of a status are its
	 * last ones: read at the offset its count gives, with room either side for jobs that
	 * came or went in between. Should many more have gone, the offset is halved until
	 * jobs are found.
	 */
	private @Nullable Instant oldestCreated(String status, long count) {
		if (count <= 0) {
			return null;
		}
		long offset = Math.max(0, count - OLDEST_SLACK);
		List<JobEntry> page = page(status, offset, 2 * OLDEST_SLACK);
		while (page.isEmpty() && offset > 0) {
			offset /= 2;
			page = page(status, offset, 2 * OLDEST_SLACK);
		}
		return page.stream()
			.map(JobEntry::createdAt)
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(null);
	}

	/**
	 * The jobs that finished (completed, failed or cancelled) between {@code from} and
	 * {@code to}, read page by page from {@code GET /jobs} (newest created first) until
	 * the jobs are created before {@code createdAfter}, or until {@code max-jobs} jobs
	 * were read.
	 * @param from the window's start
	 * @param to the window's end
	 * @param createdAfter no job finished in the window was created before this
	 * @return the jobs
	 */
	FinishedJobs finishedBetween(Instant from, Instant to, Instant createdAfter) {
		Map<String, JobEntry> finished = new LinkedHashMap<>();
		int read = 0;
		int offset = 0;
		while (true) {
			List<JobEntry> page = page(null, offset, this.properties.pageSize());
			read += page.size();
			offset += page.size();
			for (JobEntry job : page) {
				if (job.finished() && job.completedAt() != null && !job.completedAt().isBefore(from)
						&& !job.completedAt().isAfter(to)) {
					finished.putIfAbsent(job.id(), job);
				}
			}
			boolean lastPage = page.size() < this.properties.pageSize();
			Instant oldest = page.isEmpty() ? null : page.get(page.size() - 1).createdAt();
			boolean olderThanWindow = oldest != null && oldest.isBefore(createdAfter);
			if (lastPage || olderThanWindow) {
				return new FinishedJobs(new ArrayList<>(finished.values()), false);
			}
			if (read >= this.properties.maxJobs()) {
				LOG.warn("Stopped reading the controller's jobs after {} (dispycluster.monitoring.controller.max-jobs)",
						read);
				return new FinishedJobs(new ArrayList<>(finished.values()), true);
			}
		}
	}

	private List<JobEntry> page(@Nullable String status, long offset, int limit) {
		// Without the crawl results: only statuses, times and page counts are read here,
		// and
		// a page of finished jobs with their results would weigh megabytes.
		String query = "/jobs?" + ((status != null) ? "status=" + status + "&" : "") + "limit=" + limit + "&offset="
				+ offset + "&include_result=false";
		URI uri = URI.create(query);
		List<JobEntry> page = call("GET /jobs", () -> this.http.get().uri(uri.toString()).retrieve().body(JOBS));
		return (page != null) ? page : List.of();
	}

	private static <T> T call(String what, java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RestClientResponseException ex) {
			throw new ControllerUnavailableException(
					"le contrôleur a répondu HTTP " + ex.getStatusCode().value() + " (" + what + ")", ex);
		}
		catch (ResourceAccessException ex) {
			throw new ControllerUnavailableException(TransportFailures.reason(ex) + " (" + what + ")", ex);
		}
		catch (RestClientException ex) {
			// it answered, with something that is not what the API gives
			throw new ControllerUnavailableException("réponse illisible du contrôleur (" + what + ")", ex);
		}
	}

	/**
	 * The finished jobs of a window.
	 *
	 * @param jobs the jobs, newest created first
	 * @param truncated whether reading stopped at {@code max-jobs}, so older jobs of the
	 * window may be missing
	 */
	public record FinishedJobs(List<JobEntry> jobs, boolean truncated) {

		public FinishedJobs {
			jobs = List.copyOf(jobs);
		}

	}

}
