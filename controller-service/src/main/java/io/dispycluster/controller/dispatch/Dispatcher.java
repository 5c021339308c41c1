package io.dispycluster.controller.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.dispycluster.controller.job.Job;
import io.dispycluster.controller.job.JobId;
import io.dispycluster.controller.job.JobQueue;
import io.dispycluster.controller.job.JobsQueued;
import io.dispycluster.controller.job.NodeLabels;
import io.dispycluster.controller.system.DaemonThreads;
import io.dispycluster.controller.worker.Worker;
import io.dispycluster.controller.worker.WorkerAvailable;
import io.dispycluster.controller.worker.WorkerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves queued jobs to workers. A pass takes the dispatch lock, counts the jobs each
 * worker holds, reads the next queued jobs in queue order (as many as the online workers
 * have free capacity, within {@code max-concurrent-jobs} running in all, and at most
 * {@value #CLAIM_BATCH}), gives each to the best worker that has every label of its
 * {@code node_labels} ({@link WorkerChoice}), passing over the workers that refused it
 * while another could take it ({@link Refusals}) (with {@code one-worker-per-host}, to
 * the worker already crawling its start URL's host, if one is: {@link SiteAffinity}),
 * claims them in one batch of conditional updates and commits; the assignments are then
 * sent. A job that no free worker can take stays queued in its place, and the pass looks
 * further down the queue (up to {@value #CLAIM_BATCH} jobs) for jobs that one can. Passes
 * run one at a time on one thread: at once when something changed ({@link #nudge()}), and
 * on an interval so that nothing stays queued while a worker has room.
 * <p>
 * Two controllers on one database take turns through the dispatch lock, so neither can
 * push a worker above its capacity; and the claim writes a job only if it is still queued
 * as it was read, so a job is never dispatched twice.
 */
@Component
class Dispatcher implements SchedulingConfigurer, DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

	static final int CLAIM_BATCH = 200;

	private final JobQueue jobs;

	private final WorkerRegistry workers;

	private final AssignmentSender sender;

	private final Refusals refusals;

	private final TransactionTemplate transactions;

	private final DispatchProperties properties;

	private final DispatchMetrics metrics;

	private final Clock clock;

	private final ScheduledExecutorService loop = DaemonThreads.scheduled("dispatcher");

	private final AtomicBoolean pending = new AtomicBoolean();

	/**
	 * When the last pass started ({@link System#nanoTime()}), for the spacing of passes.
	 */
	private volatile long lastPassStarted = System.nanoTime() - Duration.ofDays(1).toNanos();

	Dispatcher(JobQueue jobs, WorkerRegistry workers, AssignmentSender sender, Refusals refusals,
			TransactionTemplate transactions, DispatchProperties properties, DispatchMetrics metrics, Clock clock) {
		this.jobs = jobs;
		this.workers = workers;
		this.sender = sender;
		this.refusals = refusals;
		this.transactions = transactions;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::nudge, this.properties.dispatchInterval());
	}

	@EventListener
	void on(JobsQueued event) {
		nudge();
	}

	@EventListener
	void on(WorkerAvailable event) {
		nudge();
	}

	/**
	 * Asks for a dispatch pass soon: at once if none started in the last
	 * {@code dispatch-spacing}, else when that time is up. Requests made while one is
	 * waiting are merged, so under load a pass takes all the slots that the reports of
	 * the last few milliseconds freed.
	 */
	void nudge() {
		if (this.pending.compareAndSet(false, true)) {
			long wait = this.lastPassStarted + this.properties.dispatchSpacing().toNanos() - System.nanoTime();
			try {
				this.loop.schedule(this::drain, Math.max(0, wait), TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				LOG.debug("No dispatch pass, shutting down");
			}
		}
	}

	private void drain() {
		this.pending.set(false);
		this.lastPassStarted = System.nanoTime();
		try {
			int claimed;
			do {
				claimed = dispatchOnce();
			}
			// A pass that claimed fewer than it may filled every free slot: the next
			// one waits for news (a report frees a slot, a submission adds a job).
			while (claimed >= CLAIM_BATCH);
		}
		catch (RuntimeException ex) {
			LOG.warn("Dispatch pass failed, next one in {}: {}", this.properties.dispatchInterval(), ex.toString());
		}
	}

	/**
	 * One dispatch pass.
	 * @return the number of jobs claimed
	 */
	int dispatchOnce() {
		List<Worker> online = this.workers.dispatchable();
		if (online.isEmpty()) {
			return 0;
		}
		List<Claim> claims = this.transactions.execute((status) -> claim(online));
		if (claims == null) {
			return 0;
		}
		for (Claim claim : claims) {
			this.sender.send(claim.job(), claim.worker(), this::nudge);
		}
		return claims.size();
	}

	private List<Claim> claim(List<Worker> online) {
		this.jobs.lockForDispatch();
		Map<String, Integer> active = this.jobs.activeCountByNode();
		int running = active.values().stream().mapToInt(Integer::intValue).sum();
		WorkerChoice choice = WorkerChoice.among(online, active);
		int limit = Math.min(CLAIM_BATCH, Math.min(this.properties.maxConcurrentJobs() - running, choice.freeSlots()));
		if (limit <= 0) {
			return List.of();
		}
		Instant now = this.clock.instant();
		SiteAffinity sites = this.properties.oneWorkerPerHost() ? SiteAffinity.of(this.jobs.activeNodeByStartUrl())
				: SiteAffinity.none();
		Map<JobId, Worker> chosen = new LinkedHashMap<>();
		List<Job> candidates = new ArrayList<>();
		int window = limit;
		while (true) {
			List<Job> read = this.jobs.nextQueued(now, window);
			boolean skipped = false;
			for (Job job : read) {
				if (chosen.containsKey(job.id())) {
					continue;
				}
				Optional<Worker> worker = (chosen.size() < limit) ? choose(choice, sites, job, online, now)
						: Optional.empty();
				if (worker.isEmpty()) {
					// No free worker has its labels (or its site's worker is full): it
					// stays queued, in its place.
					skipped = true;
					continue;
				}
				job.dispatchTo(worker.get().node(), now, this.properties.leaseDuration());
				chosen.put(job.id(), worker.get());
				candidates.add(job);
			}
			// Jobs that no free worker can take must not hide the ones behind them: look
			// further down the queue, in widening windows, up to CLAIM_BATCH jobs.
			if (!skipped || chosen.size() >= limit || read.size() < window || window >= CLAIM_BATCH) {
				break;
			}
			window = Math.min(CLAIM_BATCH, window * 2);
		}
		List<Claim> claims = new ArrayList<>();
		Set<String> used = new HashSet<>();
		for (Job job : this.jobs.claim(candidates)) {
			Worker worker = chosen.get(job.id());
			used.add(worker.node());
			this.metrics.dispatched(Duration.between(job.notBefore(), now));
			claims.add(new Claim(job, worker));
		}
		used.forEach((node) -> this.workers.assigned(node, now));
		return claims;
	}

	private Optional<Worker> choose(WorkerChoice choice, SiteAffinity sites, Job job, List<Worker> online,
			Instant now) {
		String startUrl = job.spec().startUrl();
		Map<String, String> required = job.spec().nodeLabels();
		List<String> candidates = online.stream()
			.filter((w) -> NodeLabels.satisfies(w.labels(), required))
			.map(Worker::node)
			.toList();
		Optional<Worker> worker = choice.take(now, required, sites.nodeFor(startUrl).orElse(null),
				this.refusals.toAvoid(job.id(), candidates));
		worker.ifPresent((w) -> sites.dispatched(startUrl, w.node()));
		return worker;
	}

	@Override
	public void destroy() {
		DaemonThreads.shutdown(this.loop);
	}

	private record Claim(Job job, Worker worker) {
	}

}
