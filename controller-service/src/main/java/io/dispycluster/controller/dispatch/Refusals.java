package io.dispycluster.controller.dispatch;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.dispycluster.controller.job.JobId;
import io.dispycluster.controller.worker.WorkerRestarted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The workers that refused a job's assignment as invalid for them (a 4xx other than 503:
 * an option the worker does not allow, such as {@code user_agent}). Dispatch gives the
 * job to another worker first, rather than spend its attempts on one that refuses it
 * every time and fail it while a worker that accepts it is up. When every worker that
 * could take it refused it, any of them may get it again (its configuration may have
 * changed), and the attempts run out as before.
 * <p>
 * Kept in memory, for the {@value #MAX_JOBS} jobs refused last: after a controller
 * restart, a job is simply tried again where it was refused. A restarted worker is
 * forgiven its refusals, since it may have started with another configuration.
 */
@Component
class Refusals {

	static final int MAX_JOBS = 10_000;

	private final Map<JobId, Set<String>> byJob = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<JobId, Set<String>> eldest) {
			return size() > MAX_JOBS;
		}

	};

	/** A worker refused the job's assignment. */
	synchronized void refused(JobId job, String node) {
		this.byJob.computeIfAbsent(job, (id) -> new HashSet<>()).add(node);
	}

	/** A worker accepted the job: its refusals no longer matter. */
	synchronized void accepted(JobId job) {
		this.byJob.remove(job);
	}

	/**
	 * The workers to pass over for a job.
	 * @param job the job
	 * @param candidates the online workers that could take it (those with its labels)
	 * @return those of them that refused it, or none when every one of them did
	 */
	synchronized Set<String> toAvoid(JobId job, Collection<String> candidates) {
		Set<String> refused = this.byJob.get(job);
		if (refused == null || refused.containsAll(candidates)) {
			return Set.of();
		}
		return Set.copyOf(refused);
	}

	@EventListener
	synchronized void on(WorkerRestarted event) {
		this.byJob.values().removeIf((nodes) -> nodes.remove(event.node()) && nodes.isEmpty());
	}

}
