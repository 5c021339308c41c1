package io.dispycluster.controller.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.dispycluster.controller.job.NodeLabels;
import io.dispycluster.controller.worker.Worker;
import org.jspecify.annotations.Nullable;

/**
 * Picks the worker for each job of a dispatch pass: the online worker with the most free
 * capacity. At equal free capacity it prefers, in this order: a worker that is not hot
 * (CPU below {@value #HOT_CPU} %, memory below {@value #HOT_MEMORY} %, temperature below
 * {@value #HOT_CELSIUS} °C), a less loaded one (CPU by bands of {@value #CPU_BAND} %), a
 * cooler one (by bands of {@value #CELSIUS_BAND} °C), then the least recently used, so
 * that workers whose figures are close simply take turns. Unknown figures count as cool
 * and idle. A worker is never given more jobs than its capacity, nor a job whose
 * {@code node_labels} it does not all have.
 */
final class WorkerChoice {

	static final double HOT_CPU = 85.0;

	static final double HOT_MEMORY = 90.0;

	static final double HOT_CELSIUS = 75.0;

	static final int CPU_BAND = 20;

	static final int CELSIUS_BAND = 10;

	static final Comparator<Slot> ORDER = Comparator.comparingInt(Slot::free)
		.reversed()
		.thenComparing(Slot::hot)
		.thenComparingInt(Slot::cpuBand)
		.thenComparingInt(Slot::temperatureBand)
		.thenComparing(Slot::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(Slot::node);

	private final List<Slot> slots;

	private WorkerChoice(List<Slot> slots) {
		this.slots = slots;
	}

	/**
	 * A choice among workers.
	 * @param workers the online workers
	 * @param activeByNode how many jobs each already holds
	 * @return the choice
	 */
	static WorkerChoice among(List<Worker> workers, Map<String, Integer> activeByNode) {
		List<Slot> slots = new ArrayList<>();
		for (Worker worker : workers) {
			int free = worker.capacity() - activeByNode.getOrDefault(worker.node(), 0);
			if (free > 0) {
				slots.add(new Slot(worker, free, isHot(worker), worker.lastAssignedAt()));
			}
		}
		return new WorkerChoice(slots);
	}

	/** The number of jobs the workers can still take. */
	int freeSlots() {
		return this.slots.stream().mapToInt(Slot::free).sum();
	}

	/**
	 * Takes a slot on the best worker, which then has one slot less and counts as just
	 * used.
	 * @param now the time of the assignment
	 * @return the worker, or empty if every worker is full
	 */
	Optional<Worker> take(Instant now) {
		return take(now, Map.of());
	}

	/**
	 * Takes a slot on the best worker that has every label a job asks for.
	 * @param now the time of the assignment
	 * @param required the job's {@code node_labels} (empty: any worker)
	 * @return the worker, or empty if no worker with those labels has a free slot
	 */
	Optional<Worker> take(Instant now, Map<String, String> required) {
		return take(now, required, null);
	}

	/**
	 * Takes a slot on the best worker that has every label a job asks for, or on one
	 * given worker only.
	 * @param now the time of the assignment
	 * @param required the job's {@code node_labels} (empty: any worker)
	 * @param only the one worker that may take the job, or null for any
	 * @return the worker, or empty if none of those has a free slot
	 */
	Optional<Worker> take(Instant now, Map<String, String> required, @Nullable String only) {
		return take(now, required, only, Set.of());
	}

	/**
	 * Takes a slot on the best worker that has every label a job asks for, or on one
	 * given worker only, passing over some workers.
	 * @param now the time of the assignment
	 * @param required the job's {@code node_labels} (empty: any worker)
	 * @param only the one worker that may take the job, or null for any
	 * @param avoid workers not to give it to (those that refused it)
	 * @return the worker, or empty if none of those has a free slot
	 */
	Optional<Worker> take(Instant now, Map<String, String> required, @Nullable String only, Set<String> avoid) {
		Optional<Slot> best = this.slots.stream()
			.filter((slot) -> slot.free() > 0 && (only == null || only.equals(slot.node()))
					&& !avoid.contains(slot.node()) && NodeLabels.satisfies(slot.worker().labels(), required))
			.min(ORDER);
		best.ifPresent((slot) -> this.slots.set(this.slots.indexOf(slot), slot.taken(now)));
		return best.map(Slot::worker);
	}

	private static boolean isHot(Worker worker) {
		return (worker.cpuUsage() != null && worker.cpuUsage() >= HOT_CPU)
				|| (worker.memoryUsage() != null && worker.memoryUsage() >= HOT_MEMORY)
				|| (worker.temperatureC() != null && worker.temperatureC() >= HOT_CELSIUS);
	}

	/**
	 * A worker's free capacity during one pass.
	 *
	 * @param worker the worker
	 * @param free jobs it can still take
	 * @param hot whether its CPU or memory is near saturation
	 * @param lastAssignedAt when it was last given a job
	 */
	record Slot(Worker worker, int free, boolean hot, @Nullable Instant lastAssignedAt) {

		String node() {
			return this.worker.node();
		}

		int cpuBand() {
			Double cpu = this.worker.cpuUsage();
			return (cpu != null) ? (int) (cpu / CPU_BAND) : 0;
		}

		int temperatureBand() {
			Double celsius = this.worker.temperatureC();
			return (celsius != null) ? (int) (celsius / CELSIUS_BAND) : 0;
		}

		Slot taken(Instant now) {
			return new Slot(this.worker, this.free - 1, this.hot, now);
		}

	}

}
