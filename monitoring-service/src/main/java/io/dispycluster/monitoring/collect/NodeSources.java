package io.dispycluster.monitoring.collect;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.monitoring.jobs.WorkerEntry;
import io.dispycluster.monitoring.node.CollectionProperties;
import io.dispycluster.monitoring.node.NodeSample;
import io.dispycluster.monitoring.node.SampleSource;
import io.dispycluster.monitoring.node.SystemFigures;
import io.dispycluster.monitoring.node.Workload;
import io.dispycluster.monitoring.system.Figures;
import io.dispycluster.monitoring.system.HttpClients;
import io.dispycluster.monitoring.system.TransportFailures;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Samples one node: its system figures from node_exporter or from its worker's health,
 * and its worker's page-request timings. Keeps the previous reading of each node, which
 * the counter-based figures (CPU %, network rates, request timings) are computed against.
 */
@Component
class NodeSources {

	private static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;q=1, */*;q=0.1";

	/** The longest node name quoted from a health answer (names are at most 255). */
	private static final int MAX_NODE_SHOWN = 255;

	private final RestClient http;

	private final JsonMapper json;

	private final int maxResponseBytes;

	private final Map<String, NodeExporterReading> exporterReadings = new ConcurrentHashMap<>();

	private final Map<String, WorkerHealthReading> healthReadings = new ConcurrentHashMap<>();

	private final Map<String, FetchCounters> fetchCounters = new ConcurrentHashMap<>();

	NodeSources(RestClient.Builder builder, CollectionProperties properties, JsonMapper json) {
		this.http = HttpClients.withTimeoutNoRedirects(builder.clone(), properties.timeout()).build();
		this.json = json;
		this.maxResponseBytes = (int) properties.maxResponseSize().toBytes();
	}

	NodeSample sample(Target target, Instant at) throws SourceException {
		if (target.exporterUrl() != null) {
			return fromNodeExporter(target, target.exporterUrl(), at);
		}
		if (target.workerUrl() != null) {
			return fromWorker(target, target.workerUrl(), at);
		}
		throw new SourceException("adresse du worker inconnue");
	}

	private NodeSample fromNodeExporter(Target target, String url, Instant at) throws SourceException {
		NodeExporterReading reading = NodeExporterReading.of(get(url, PROMETHEUS_TEXT), at);
		SystemFigures figures = reading.figures(this.exporterReadings.get(target.node()));
		this.exporterReadings.put(target.node(), reading);
		WorkerEntry worker = target.controllerView();
		Integer active = (worker != null) ? worker.activeJobs() : null;
		Integer capacity = (worker != null) ? worker.capacity() : null;
		// node_exporter does not say which worker serves the node's address: its timings
		// are this node's only once its health says so, as in a worker's sampling
		boolean ours = target.workerUrl() != null && answersAsTheNode(target, target.workerUrl());
		return new NodeSample(target.node(), at, SampleSource.NODE_EXPORTER, figures,
				workload(target, active, capacity, ours));
	}

	private boolean answersAsTheNode(Target target, String url) {
		try {
			workerHealth(target, url);
			return true;
		}
		catch (SourceException ex) {
			return false;
		}
	}

	private NodeSample fromWorker(Target target, String url, Instant at) throws SourceException {
		JsonNode health = workerHealth(target, url);
		WorkerHealthReading reading = WorkerHealthReading.of(health, at);
		SystemFigures figures = reading.figures(this.healthReadings.get(target.node()));
		this.healthReadings.put(target.node(), reading);
		WorkerEntry worker = target.controllerView();
		Integer active = (reading.activeJobs() != null) ? reading.activeJobs()
				: (worker != null) ? worker.activeJobs() : null;
		Integer capacity = (reading.capacity() != null) ? reading.capacity()
				: (worker != null) ? worker.capacity() : null;
		return new NodeSample(target.node(), at, SampleSource.WORKER, figures,
				workload(target, active, capacity, true));
	}

	/**
	 * The health of the worker at {@code url}, refused when it is another node's: every
	 * figure read from a worker is taken only once this says it is the target's.
	 */
	private JsonNode workerHealth(Target target, String url) throws SourceException {
		JsonNode health;
		try {
			health = this.json.readTree(get(url + "/health", MediaType.APPLICATION_JSON_VALUE));
		}
		catch (JacksonException ex) {
			throw new SourceException("réponse illisible de /health", ex);
		}
		if (!health.isObject()) {
			throw new SourceException("réponse illisible de /health");
		}
		String other = otherNode(health, target.node());
		if (other != null) {
			// Another worker answers at this address (this one was renamed, or its
			// address given to another node): its figures are not this node's. The node
			// we look for is not there, as with a refused connection.
			throw new SourceException("répond comme le nœud " + other + " (" + url + "/health)", null, true);
		}
		return health;
	}

	/**
	 * The node name a worker's health gives when it is not {@code node}, as the
	 * controller's health check reads it; null when it gives {@code node} or none (as
	 * workers of the original API do).
	 */
	static @Nullable String otherNode(JsonNode health, String node) {
		JsonNode answered = health.get("node");
		if (answered == null || !answered.isString() || answered.stringValue().isBlank()
				|| answered.stringValue().equals(node)) {
			return null;
		}
		String other = answered.stringValue();
		return (other.length() <= MAX_NODE_SHOWN) ? other : other.substring(0, MAX_NODE_SHOWN);
	}

	/**
	 * The workload with the page-request timings since the previous sample, read only
	 * from a worker whose health said it is the node's ({@code workerChecked}). The
	 * timings are extra: a worker whose metrics cannot be read still gives a sample.
	 */
	private Workload workload(Target target, @Nullable Integer active, @Nullable Integer capacity,
			boolean workerChecked) {
		FetchCounters current = null;
		if (target.workerUrl() != null && workerChecked) {
			try {
				current = FetchCounters.of(get(target.workerUrl() + "/actuator/prometheus", PROMETHEUS_TEXT));
			}
			catch (SourceException ex) {
				// no timings this round
			}
		}
		if (current == null) {
			this.fetchCounters.remove(target.node());
			return new Workload(active, capacity, null, null);
		}
		FetchCounters previous = this.fetchCounters.put(target.node(), current);
		if (previous == null) {
			return new Workload(active, capacity, null, null);
		}
		FetchCounters increase = current.since(previous);
		return new Workload(active, capacity, Figures.round(increase.seconds(), 6), (long) increase.count());
	}

	private String get(String url, String accept) throws SourceException {
		Answer answer;
		try {
			answer = this.http.get()
				.uri(url)
				.header("Accept", accept)
				.exchange((request, response) -> Answer.read(response, this.maxResponseBytes), true);
		}
		catch (ResourceAccessException ex) {
			throw new SourceException(TransportFailures.reason(ex) + " (" + url + ")", ex,
					TransportFailures.refused(ex));
		}
		catch (RestClientException | IllegalArgumentException ex) {
			throw new SourceException("échec de la requête vers " + url + " : " + ex.getMessage(), ex);
		}
		if (!answer.status().is2xxSuccessful()) {
			// a redirect is not followed: the node's address should serve the answer
			throw new SourceException("réponse HTTP " + answer.status().value() + " de " + url, null,
					answer.status().isError());
		}
		if (answer.body() == null) {
			throw new SourceException("réponse de plus de " + this.maxResponseBytes + " octets de " + url);
		}
		if (answer.body().isEmpty()) {
			throw new SourceException("réponse vide de " + url);
		}
		return answer.body();
	}

	/**
	 * A node's answer: its status and its body, read up to a bound.
	 *
	 * @param status its status
	 * @param body its body, or null when it is longer than the bound (then left unread)
	 */
	private record Answer(HttpStatusCode status, @Nullable String body) {

		static Answer read(ClientHttpResponse response, int maxBytes) throws IOException {
			HttpStatusCode status = response.getStatusCode();
			if (!status.is2xxSuccessful()) {
				return new Answer(status, "");
			}
			byte[] bytes = response.getBody().readNBytes(maxBytes + 1);
			if (bytes.length > maxBytes) {
				return new Answer(status, null);
			}
			MediaType type = response.getHeaders().getContentType();
			Charset charset = (type != null && type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8;
			return new Answer(status, new String(bytes, charset));
		}

	}

	/** Forgets the previous readings of nodes that are no longer sampled. */
	void retainOnly(java.util.Set<String> nodes) {
		this.exporterReadings.keySet().retainAll(nodes);
		this.healthReadings.keySet().retainAll(nodes);
		this.fetchCounters.keySet().retainAll(nodes);
	}

}
