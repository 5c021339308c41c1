package io.dispycluster.controller.job;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of allowed job state changes. {@link Job} checks every move against it.
 * <p>
 * A worker's report may arrive before the controller has processed the worker's 202, so
 * {@code DISPATCHED} may end directly. A failed or cancelled job may be queued again (by
 * a retry); a succeeded one never changes again.
 */
public final class JobStateTransitions {

	private static final Map<JobState, Set<JobState>> ALLOWED = new EnumMap<>(JobState.class);

	static {
		allow(JobState.QUEUED, JobState.DISPATCHED, JobState.CANCELLED);
		allow(JobState.DISPATCHED, JobState.RUNNING, JobState.SUCCEEDED, JobState.FAILED, JobState.QUEUED,
				JobState.CANCELLED);
		allow(JobState.RUNNING, JobState.SUCCEEDED, JobState.FAILED, JobState.QUEUED, JobState.CANCELLED);
		allow(JobState.SUCCEEDED);
		allow(JobState.FAILED, JobState.QUEUED);
		allow(JobState.CANCELLED, JobState.QUEUED);
	}

	private JobStateTransitions() {
	}

	/** Whether a job may move from {@code from} to {@code to}. */
	public static boolean isAllowed(JobState from, JobState to) {
		return ALLOWED.get(from).contains(to);
	}

	/** The states a job in {@code from} may move to. */
	public static Set<JobState> allowedFrom(JobState from) {
		return Collections.unmodifiableSet(ALLOWED.get(from));
	}

	private static void allow(JobState from, JobState... to) {
		Set<JobState> targets = EnumSet.noneOf(JobState.class);
		targets.addAll(java.util.List.of(to));
		ALLOWED.put(from, targets);
	}

}
