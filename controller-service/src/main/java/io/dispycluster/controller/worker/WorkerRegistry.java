package io.dispycluster.controller.worker;

import io.dispycluster.support.labels.LabelRules;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dispycluster.controller.job.JobQueue;
import io.dispycluster.controller.job.LabelledWorkers;
import io.dispycluster.controller.job.NodeLabels;
import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.problem.InvalidRequestException;
import io.dispycluster.controller.worker.NodeInventoryProperties.Node;
import io.dispycluster.model.worker.WorkerRegistration;
import io.dispycluster.model.worker.WorkerState;
import io.dispycluster.model.worker.WorkerView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The workers the controller knows: those of the node inventory (added at start-up) and
 * those that registered themselves. It keeps each worker's status true from health
 * checks, assignment outcomes and completions, and announces changes that matter to
 * dispatch ({@link WorkerAvailable}, {@link WorkerWentOffline}).
 */
@Service
public class WorkerRegistry implements SmartInitializingSingleton, LabelledWorkers {

	private static final Logger LOG = LoggerFactory.getLogger(WorkerRegistry.class);

	static final int MAX_CAPACITY = 1000;

	private final WorkerStore store;

	private final NodeInventoryProperties inventory;

	private final JobQueue jobs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final NodeNameGuard nameGuard;

	WorkerRegistry(WorkerStore store, NodeInventoryProperties inventory, JobQueue jobs,
			ApplicationEventPublisher events, Clock clock, NodeNameGuard nameGuard) {
		this.store = store;
		this.inventory = inventory;
		this.jobs = jobs;
		this.events = events;
		this.clock = clock;
		this.nameGuard = nameGuard;
	}

	@Override
	public void afterSingletonsInstantiated() {
		syncInventory();
	}

	/**
	 * Adds the inventory's nodes (offline until their first health check) and gives the
	 * known ones the inventory's current URL and labels. The labels the worker declared
	 * itself come back with its next registration (workers register again every
	 * interval): until then a job that asks for one of them waits rather than risk going
	 * to a node whose inventory entry no longer says so.
	 */
	void syncInventory() {
		Instant now = this.clock.instant();
		for (Node node : this.inventory.nodes()) {
			Optional<Worker> known = this.store.find(node.name());
			if (known.isEmpty()) {
				this.store.insert(new Worker(node.name(), node.url(), node.capacity(), WorkerState.OFFLINE,
						Worker.Source.INVENTORY, now, null, null, 0, null, 0, null, null, null, null, node.labels()));
			}
			else if (known.get().source() == Worker.Source.INVENTORY
					&& (!known.get().url().equals(node.url()) || !known.get().labels().equals(node.labels()))) {
				Worker w = known.get();
				this.store.update(new Worker(w.node(), node.url(), w.capacity(), w.status(), w.source(), w.joinedAt(),
						w.lastSeen(), w.lastAssignedAt(), w.failedChecks(), w.reportedActiveJobs(),
						w.totalJobsCompleted(), w.cpuUsage(), w.memoryUsage(), w.temperatureC(), w.lastError(),
						node.labels()));
			}
		}
	}

	/**
	 * A worker announces itself: it is known (or updated) and online at once. Its labels
	 * are its own with the inventory's (for a node of the inventory) merged over them,
	 * key by key.
	 * @param registration its name, URL, capacity and labels
	 * @return the worker
	 * @throws NodeNameInUseException when another running worker has the node's name
	 */
	public Worker register(WorkerRegistration registration) {
		validate(registration);
		Instant now = this.clock.instant();
		String url = stripSlash(registration.url().strip());
		Map<String, String> labels = NodeLabels.merge(registration.labels(),
				this.inventory.labelsOf(registration.node()));
		Optional<Worker> known = this.store.find(registration.node());
		known.ifPresent((worker) -> this.nameGuard.check(worker, url, registration.instanceId()));
		boolean restarted = known.isPresent() && recordInstance(registration.node(), registration.instanceId());
		if (known.isPresent() && !restarted && isRenewal(known.get(), url, registration.capacity(), labels)) {
			// Workers register again every interval, so that a controller that forgot
			// them learns them back. For one the health checks already watch, that is
			// only a sign of life: its active jobs and figures stay as the last check
			// found them.
			this.store.setLastSeen(registration.node(), now);
			LOG.debug("Worker renewed its registration: node={}", registration.node());
			return known.get();
		}
		Worker worker;
		try {
			worker = upsert(registration, url, labels, now);
		}
		catch (DuplicateKeyException ex) {
			// Registered concurrently (two start-up retries): the row exists now.
			worker = upsert(registration, url, labels, now);
		}
		if (known.isEmpty()) {
			recordInstance(registration.node(), registration.instanceId()); // nothing ran
																			// before
		}
		LOG.info("Worker registered: node={} url={} capacity={} labels={}", worker.node(), worker.url(),
				worker.capacity(), NodeLabels.describe(worker.labels()));
		if (restarted) {
			LOG.info("Worker restarted: node={}", worker.node());
			// Before it is available again, so that the jobs its previous run held are
			// back in the queue when dispatch next looks.
			this.events.publishEvent(new WorkerRestarted(worker.node(), worker.url(), now));
		}
		this.events.publishEvent(new WorkerAvailable(worker.node()));
		return worker;
	}

	/**
	 * Records the id of the worker's process, from its registration or its health.
	 * @return whether it replaced another one, which means the worker restarted since (a
	 * restart faster than the health checks notice, or while the controller was down)
	 */
	private boolean recordInstance(String node, @Nullable String instanceId) {
		return instanceId != null && this.store.replaceInstance(node, instanceId);
	}

	private static boolean isRenewal(Worker known, String url, int capacity, Map<String, String> labels) {
		return known.status() != WorkerState.OFFLINE && known.url().equals(url) && known.capacity() == capacity
				&& known.labels().equals(labels);
	}

	private Worker upsert(WorkerRegistration registration, String url, Map<String, String> labels, Instant now) {
		Optional<Worker> known = this.store.find(registration.node());
		Worker worker = new Worker(registration.node(), url, registration.capacity(), WorkerState.ONLINE,
				known.map(Worker::source).orElse(Worker.Source.REGISTERED), known.map(Worker::joinedAt).orElse(now),
				now, known.map(Worker::lastAssignedAt).orElse(null), 0, null,
				known.map(Worker::totalJobsCompleted).orElse(0L), null, null, null, null, labels);
		if (known.isPresent()) {
			this.store.update(worker);
		}
		else {
			this.store.insert(worker);
		}
		return worker;
	}

	public List<Worker> all() {
		return this.store.findAll();
	}

	public Optional<Worker> find(String node) {
		return this.store.find(node);
	}

	@Override
	public boolean anyUpWith(Map<String, String> required) {
		return all().stream()
			.anyMatch((worker) -> worker.status() != WorkerState.OFFLINE
					&& NodeLabels.satisfies(worker.labels(), required));
	}

	/** Online workers: reachable and not known to be full. */
	public List<Worker> dispatchable() {
		return this.store.findByStatus(WorkerState.ONLINE);
	}

	/** Records that a worker was just given a job (for least-recently-used ties). */
	public void assigned(String node, Instant at) {
		this.store.setLastAssigned(node, at);
	}

	/** The worker refused a job because it is full: busy until it frees a slot. */
	public void refused(String node, String reason) {
		this.store.setStatus(node, WorkerState.BUSY, reason);
	}

	/**
	 * A call to the worker failed in transport. The worker is suspect: it gets no new
	 * jobs (offline) until a health check succeeds, but the jobs it holds stay with it
	 * until the health checks confirm the loss or their leases expire.
	 */
	public void suspect(String node, String reason) {
		this.store.find(node).ifPresent((worker) -> {
			if (worker.status() != WorkerState.OFFLINE) {
				LOG.warn("Worker suspect: node={} reason={}", node, reason);
			}
			this.store.setStatus(node, WorkerState.OFFLINE, reason);
		});
	}

	/**
	 * The worker handed a job back on its own, which it does when it is stopping: it gets
	 * no new jobs (offline) until a health check or its registration finds it again,
	 * rather than have the job sent straight back to it.
	 */
	public void handedBack(String node) {
		this.store.find(node).ifPresent((worker) -> {
			if (worker.status() != WorkerState.OFFLINE) {
				LOG.info("Worker stopping: node={}", node);
			}
			this.store.setStatus(node, WorkerState.OFFLINE, "stopping: it handed its jobs back");
		});
	}

	/** The worker completed a job: counted, and a busy worker is online again. */
	public void completedJob(String node) {
		this.store.countCompletion(node);
	}

	/**
	 * Records a successful health check and the figures the worker reported. A new
	 * instance id in the health means the worker restarted: that is how a worker that
	 * does not register (known from the inventory only) has its lost jobs requeued at
	 * once.
	 * @return false when the worker registered from another URL since the check began:
	 * nothing was recorded
	 */
	boolean healthy(Worker worker, HealthReport report, Instant now) {
		if (movedSince(worker)) {
			return false;
		}
		if (recordInstance(worker.node(), report.instanceId())) {
			LOG.info("Worker restarted: node={}", worker.node());
			// Before it is available again, as for a registration.
			this.events.publishEvent(new WorkerRestarted(worker.node(), worker.url(), now));
		}
		int capacity = (report.capacity() != null) ? Math.min(report.capacity(), MAX_CAPACITY) : worker.capacity();
		boolean full = report.activeJobs() != null && report.activeJobs() >= capacity;
		WorkerState status = full ? WorkerState.BUSY : WorkerState.ONLINE;
		boolean saved = this.store.updateUnlessMoved(
				new Worker(worker.node(), worker.url(), capacity, status, worker.source(), worker.joinedAt(), now,
						worker.lastAssignedAt(), 0, report.activeJobs(), worker.totalJobsCompleted(), report.cpuUsage(),
						report.memoryUsage(), report.temperatureC(), null, worker.labels()));
		if (!saved) {
			return false;
		}
		if (worker.status() == WorkerState.OFFLINE) {
			LOG.info("Worker online: node={} capacity={}", worker.node(), capacity);
		}
		if (status == WorkerState.ONLINE && worker.status() != WorkerState.ONLINE) {
			this.events.publishEvent(new WorkerAvailable(worker.node()));
		}
		return true;
	}

	/**
	 * Whether the worker registered from another URL since this check began: what the
	 * check found (an instance id included) speaks of the old address, not of the worker.
	 */
	private boolean movedSince(Worker checked) {
		boolean moved = this.store.find(checked.node()).filter((now) -> now.url().equals(checked.url())).isEmpty();
		if (moved) {
			LOG.debug("Health check of an old address ignored: node={} url={}", checked.node(), checked.url());
		}
		return moved;
	}

	/**
	 * Records a failed health check. The check that reaches {@code offlineAfter} failures
	 * in a row makes the worker offline and announces the loss (once), so that the jobs
	 * it held go back to the queue.
	 */
	void failedCheck(Worker worker, String error, int offlineAfter) {
		int failures = worker.failedChecks() + 1;
		WorkerState status = (failures >= offlineAfter) ? WorkerState.OFFLINE : worker.status();
		boolean saved = this.store.updateUnlessMoved(new Worker(worker.node(), worker.url(), worker.capacity(), status,
				worker.source(), worker.joinedAt(), worker.lastSeen(), worker.lastAssignedAt(), failures,
				worker.reportedActiveJobs(), worker.totalJobsCompleted(), worker.cpuUsage(), worker.memoryUsage(),
				worker.temperatureC(), error, worker.labels()));
		if (!saved) {
			LOG.debug("Failed health check of an old address ignored: node={} url={}", worker.node(), worker.url());
			return;
		}
		if (failures == offlineAfter) {
			LOG.warn("Worker lost: node={} reason={}", worker.node(), error);
			this.events.publishEvent(new WorkerWentOffline(worker.node(), error));
		}
	}

	/** Every worker as {@code GET /workers} shows it. */
	public List<WorkerView> views() {
		Map<String, Integer> active = this.jobs.activeCountByNode();
		return all().stream().map((worker) -> view(worker, active.getOrDefault(worker.node(), 0))).toList();
	}

	/**
	 * A worker as {@code GET /workers} shows it.
	 * @param worker the worker
	 * @param activeJobs the jobs it holds according to the queue
	 * @return its view; busy when it refused a job or holds as many as its capacity
	 */
	public static WorkerView view(Worker worker, int activeJobs) {
		WorkerState status = worker.status();
		if (status == WorkerState.ONLINE && activeJobs >= worker.capacity()) {
			status = WorkerState.BUSY;
		}
		return new WorkerView(worker.node(), status, worker.lastSeen(), activeJobs, worker.totalJobsCompleted(),
				worker.cpuUsage(), worker.memoryUsage(), worker.url(), worker.capacity(), worker.labels());
	}

	private static void validate(WorkerRegistration registration) {
		List<FieldProblem> errors = problems(registration);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
	}

	/** What is wrong with a registration: none when it may be taken. */
	static List<FieldProblem> problems(WorkerRegistration registration) {
		List<FieldProblem> errors = new ArrayList<>();
		if (registration.node() == null || registration.node().isBlank()
				|| registration.node().length() > NodeNames.MAX_LENGTH) {
			errors.add(new FieldProblem("node", "must hold 1 to 255 characters"));
		}
		else if (!NodeNames.isPathSegment(registration.node())) {
			errors.add(new FieldProblem("node", NodeNames.NOT_A_PATH_SEGMENT));
		}
		if (registration.url() == null || !isHttpUrl(registration.url().strip())) {
			errors.add(new FieldProblem("url", "must be an http or https base URL"));
		}
		if (registration.capacity() < 1 || registration.capacity() > MAX_CAPACITY) {
			errors.add(new FieldProblem("capacity", "must be between 1 and " + MAX_CAPACITY));
		}
		errors.addAll(LabelRules.problems(registration.labels(), "labels"));
		String instanceId = registration.instanceId();
		if (instanceId != null && (instanceId.isBlank() || instanceId.length() > HealthReport.MAX_INSTANCE_ID)) {
			errors
				.add(new FieldProblem("instance_id", "must hold 1 to " + HealthReport.MAX_INSTANCE_ID + " characters"));
		}
		return errors;
	}

	/**
	 * Whether the URL can be a worker's base URL. A port out of range was taken before
	 * and made every call to the worker throw outside the HTTP client's exceptions: its
	 * health checks never failed, so it stayed online and every job sent to it lost an
	 * attempt. A query or a fragment would end up in the middle of every path appended to
	 * the base.
	 */
	private static boolean isHttpUrl(String url) {
		try {
			URI uri = new URI(url);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && url.length() <= 2083 && (uri.getPort() == -1 || validPort(uri))
					&& uri.getRawQuery() == null && uri.getRawFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static boolean validPort(URI uri) {
		return uri.getPort() >= 1 && uri.getPort() <= 65535;
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
