#!/usr/bin/env bash
# Controller benchmark: JOBS jobs submitted through POST /scrape/batch (BATCH per request) to
# a controller on H2 whose workers are stubs (bench/src/.../controller/StubWorker.java) that
# accept every assignment and report success at once. Two measured runs: a burst (the jobs
# submitted as fast as the controller answers) gives jobs/s accepted and dispatched; a paced
# run (the same number of jobs at RATE jobs/s) gives the time from accepted to dispatched
# when the controller is offered that load. (In the burst, that time is how long the queue
# takes to drain: intake is faster than dispatch.)
#
#   bench/controller.sh [REPO]
#
# A first run of WARMUP_JOBS jobs (same setup, figures not kept) lets the JIT compile the
# controller's hot paths, so that the measured run is not half compilation.
#
# Settings (environment): JOBS (10000), WARMUP_JOBS (2000), BATCH (50), SUBMITTERS (4 requests in flight),
# STUBS (4), CAPACITY (50 per stub), MAX_CONCURRENT (STUBS x CAPACITY), RATE (500 jobs/s, the
# throughput target, for the paced run; 0 skips it), CONTROLLER_JAVA_OPTS (instead of the
# unit's), SERVICE_JAVA_OPTS (added last), BENCH_JAVA_OPTS (the load generator's and stubs' JVM).
#
# The controller runs with the JVM options of deploy/systemd/dispycluster-controller.service in
# REPO (CONTROLLER_JAVA_OPTS): the controller as it is deployed, C1 compiler and serial GC.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

JOBS=${JOBS:-10000}
WARMUP_JOBS=${WARMUP_JOBS:-2000}
BATCH=${BATCH:-50}
SUBMITTERS=${SUBMITTERS:-4}
RATE=${RATE:-500}
STUBS=${STUBS:-4}
CAPACITY=${CAPACITY:-50}
MAX_CONCURRENT=${MAX_CONCURRENT:-$((STUBS * CAPACITY))}

controller_jar=$(service_jar controller-service)
controller_unit="$REPO/deploy/systemd/dispycluster-controller.service"
[ -f "$controller_unit" ] || die "$controller_unit is missing"
CONTROLLER_JAVA_OPTS=${CONTROLLER_JAVA_OPTS-$(sed -n 's/^Environment="\{0,1\}CONTROLLER_JAVA_OPTS=\([^"]*\)"\{0,1\}$/\1/p' "$controller_unit" | tail -n 1)}
log "controller JVM: $CONTROLLER_JAVA_OPTS $SERVICE_JAVA_OPTS"
classpath=$(bench_classpath)
export DISPYCLUSTER_CONFIG="$WORK/missing.yml"
log "work directory: $WORK"

controller_port=$(free_port)
# shellcheck disable=SC2086
start controller java $CONTROLLER_JAVA_OPTS $SERVICE_JAVA_OPTS -jar "$controller_jar" --server.port="$controller_port" \
	--dispycluster.data-dir="$WORK/data" --dispycluster.controller.max-concurrent-jobs="$MAX_CONCURRENT"
controller_pid=$LAST_PID
controller="http://127.0.0.1:$controller_port"
wait_http "$controller/health" "$controller_pid"

# The load generator and the stubs call the controller with the JDK HttpClient, whose
# dependent stages run on the common ForkJoinPool: on a 2-CPU machine its parallelism is 1
# and CompletableFuture starts a new thread per task instead. A pool of 2 keeps the
# benchmark's own CPU (which the controller shares) down.
bench() {
	# shellcheck disable=SC2086
	java -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 ${BENCH_JAVA_OPTS:-} -cp "$classpath" \
		io.dispycluster.bench.controller.ControllerBench --controller="$controller" --batch="$BATCH" \
		--submitters="$SUBMITTERS" --stubs="$STUBS" --capacity="$CAPACITY" "$@"
}
if [ "$WARMUP_JOBS" -le 0 ]; then
	cpu_ms "$controller_pid" >"$WORK/cpu-before.txt"
	thread_cpu "$controller_pid" >"$WORK/threads-before.txt"
fi
log "submitting $WARMUP_JOBS jobs (warm-up), then $JOBS, to $STUBS stub workers of capacity $CAPACITY"
bench --warmup-jobs="$WARMUP_JOBS" --jobs="$JOBS" --rate="$RATE" | while IFS= read -r line; do
	# The CPU figures start when the warm-up is over.
	if [ "$line" = "warm-up done: $WARMUP_JOBS jobs" ]; then
		cpu_ms "$controller_pid" >"$WORK/cpu-before.txt"
		thread_cpu "$controller_pid" >"$WORK/threads-before.txt"
	fi
	printf '%s\n' "$line"
done | tee "$WORK/result.txt"
cpu_before=$(cat "$WORK/cpu-before.txt")
cpu_used=$(($(cpu_ms "$controller_pid") - cpu_before))
thread_cpu "$controller_pid" >"$WORK/threads-after.txt"
read -r controller_hwm controller_rss < <(memory_mib "$controller_pid")

value() {
	grep "^$1_" "$WORK/result.txt" | grep -o "$2=[0-9.]*" | head -n 1 | cut -d = -f 2
}

runs=2
[ "$RATE" -gt 0 ] || runs=1
echo
echo "== Controller benchmark: $JOBS jobs in batches of $BATCH, unpaced (burst)$( [ "$RATE" -gt 0 ] && echo " then at $RATE jobs/s (paced)"), $SUBMITTERS requests in flight," \
	"$STUBS stub workers x $CAPACITY, max-concurrent-jobs $MAX_CONCURRENT, H2"
describe_machine
echo "controller JVM: $CONTROLLER_JAVA_OPTS $SERVICE_JAVA_OPTS"
awk -v a="$(value burst accepted_jobs_per_s)" -v d="$(value burst dispatched_jobs_per_s)" \
	-v c="$(value burst completed_jobs_per_s)" -v bp50="$(value burst dispatch_wait_p50_ms)" \
	-v bp99="$(value burst dispatch_wait_p99_ms)" -v rate="$RATE" -v pa="$(value paced accepted_jobs_per_s)" \
	-v pd="$(value paced dispatched_jobs_per_s)" -v p50="$(value paced dispatch_wait_p50_ms)" \
	-v p99="$(value paced dispatch_wait_p99_ms)" -v cpu="$cpu_used" -v n="$((JOBS * runs))" \
	-v b="$(value burst bench_cpu_ms_per_job)" '
	BEGIN {
		printf "burst: accepted   %6.0f jobs/s (target >= 500: %s)\n", a, (a >= 500 ? "met" : "MISSED")
		printf "burst: dispatched %6.0f jobs/s (target >= 500: %s)\n", d, (d >= 500 ? "met" : "MISSED")
		printf "burst: completed  %6.0f jobs/s (reports taken)\n", c
		printf "burst: accepted -> dispatched p50 %.0f ms, p99 %.0f ms (the time to drain the queue)\n", bp50, bp99
		if (rate > 0) {
			printf "paced at %d jobs/s: accepted %.0f jobs/s, dispatched %.0f jobs/s\n", rate, pa, pd
			printf "paced: accepted -> dispatched p50 %.1f ms, p99 %.1f ms (target p99 < 200 ms: %s)\n", p50, p99,
				(p99 < 200 ? "met" : "MISSED")
		}
		printf "controller CPU: %.1f s in all, %.2f ms per job (intake, dispatch, report); load generator and stubs: %.2f ms per job\n",
			cpu / 1000, cpu / n, b
	}'
printf 'controller resident memory (peak / now): %s / %s MiB\n' "$controller_hwm" "$controller_rss"
echo "controller CPU by thread during the runs:"
thread_cpu_diff "$WORK/threads-before.txt" "$WORK/threads-after.txt"
