# Shared by the benchmark scripts (sourced, not run).
#
# Every script takes the repository whose service jars it benchmarks as its first argument
# (default: the repository the script lives in). The jars must have been built there:
#   (cd REPO && ./mvnw -B -o -q package -DskipTests)
# Processes started here are stopped by their pid when the script ends; logs and data go
# to a fresh directory under ${TMPDIR:-/tmp}, printed at the start and kept only with
# BENCH_KEEP=1 (logs are kept when a script fails).

set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "${1:-$BENCH_DIR/..}" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dispycluster-bench.XXXXXX")
# JVM options of the services under test (the crawl benchmark adds -Xmx64m to the worker).
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-}
PIDS=()
LAST_PID=
START_LOAD=$(cut -d ' ' -f 1 /proc/loadavg)

log() {
	printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

die() {
	log "ERROR: $*"
	exit 1
}

cleanup() {
	local status=$?
	local pid
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	if [ "${BENCH_KEEP:-0}" = 1 ]; then
		log "work directory kept: $WORK"
	elif [ "$status" -ne 0 ]; then
		rm -rf "$WORK/data" "$WORK/pages"
		log "failed; logs kept in $WORK"
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The executable jar of a service module, or a message saying how to build it.
service_jar() {
	local jar="$REPO/$1/target/$1.jar"
	[ -f "$jar" ] || die "$jar is missing: build it with (cd $REPO && ./mvnw -B -o -q package -DskipTests)"
	printf '%s\n' "$jar"
}

# The classpath of the bench tools, built (offline) when missing or older than their sources.
bench_classpath() {
	local jar="$BENCH_DIR/target/bench.jar"
	if [ ! -f "$jar" ] || [ -n "$(find "$BENCH_DIR/src" "$BENCH_DIR/pom.xml" -newer "$jar" -print -quit)" ]; then
		log "building the bench tools"
		# The bench tools use common-model's records: put them in the local Maven repository first
		# (a fresh machine has never installed them).
		(cd "$BENCH_DIR/.." && ./mvnw -B -q install -pl common-model -am -DskipTests) >&2 || die "could not install common-model"
		(cd "$BENCH_DIR" && "$BENCH_DIR/../mvnw" -B -q package) >&2 || die "could not build the bench tools"
	fi
	printf '%s\n' "$jar:$BENCH_DIR/target/lib/*"
}

# A TCP port on 127.0.0.1 that nothing listens on now.
free_port() {
	local port
	while :; do
		port=$((20000 + RANDOM % 40000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			printf '%s\n' "$port"
			return
		fi
	done
}

# start NAME COMMAND...: runs COMMAND in the background with its output in $WORK/NAME.log;
# its pid is in LAST_PID and is stopped at exit.
start() {
	local name=$1
	shift
	"$@" >"$WORK/$name.log" 2>&1 &
	LAST_PID=$!
	PIDS+=("$LAST_PID")
}

# wait_http URL PID [SECONDS]: waits until URL answers 2xx, failing if PID dies first.
wait_http() {
	local url=$1 pid=$2 deadline=$((SECONDS + ${3:-120}))
	until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
		kill -0 "$pid" 2>/dev/null || die "process $pid died before $url answered (see $WORK)"
		[ "$SECONDS" -lt "$deadline" ] || die "$url did not answer in time (see $WORK)"
		sleep 0.5
	done
}

# Peak and current resident set of a process in MiB: "hwm rss".
memory_mib() {
	awk '/^VmHWM:/ { hwm = $2 } /^VmRSS:/ { rss = $2 } END { printf "%.0f %.0f\n", hwm / 1024, rss / 1024 }' \
		"/proc/$1/status"
}

# CPU time (user + system) a process has used so far, in milliseconds.
cpu_ms() {
	awk -v hz="$(getconf CLK_TCK)" '{ printf "%d\n", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"
}

# thread_cpu PID: one line per thread of PID, "tid cpu_ticks name" (spaces in names become _),
# and a first line "0 cpu_ticks _process" for the whole process (threads that ended included).
thread_cpu() {
	local task stat fields
	stat=$(cat "/proc/$1/stat")
	read -r -a fields <<<"${stat##*) }"
	printf '0 %s _process\n' $((fields[11] + fields[12]))
	for task in /proc/"$1"/task/*; do
		stat=$(cat "$task/stat" 2>/dev/null) || continue
		read -r -a fields <<<"${stat##*) }"
		printf '%s %s %s\n' "${task##*/}" $((fields[11] + fields[12])) "$(tr ' ' '_' <"$task/comm" 2>/dev/null)"
	done
}

# thread_cpu_diff BEFORE AFTER: the CPU seconds each group of threads used between two
# thread_cpu snapshots (files), largest first; numbered threads of one pool form a group.
thread_cpu_diff() {
	awk -v hz="$(getconf CLK_TCK)" '
		NR == FNR { before[$1] = $2; next }
		$3 == "_process" { process = $2 - before[$1]; next }
		{
			name = $3
			sub(/^http-nio-[0-9]+-/, "http-nio-", name)
			sub(/[-#]?[0-9]+$/, "", name)
			used[name] += $2 - before[$1]
			total += $2 - before[$1]
		}
		END {
			if (process > total) { used["(threads that ended during the run)"] = process - total; total = process }
			for (name in used) if (used[name] > 0) printf "%8.1f s %5.1f %%  %s\n", used[name] / hz, 100 * used[name] / total, name
		}' "$1" "$2" | sort -rn | head -n "${3:-10}"
}

# The 1-minute load average: the machine may be shared with other work, which makes every
# throughput figure lower; the results print it.
load_average() {
	cut -d ' ' -f 1 /proc/loadavg
}

# ensure_package COMMAND PACKAGE: installs PACKAGE (Debian) when COMMAND is missing.
ensure_package() {
	command -v "$1" >/dev/null && return
	log "installing $2"
	if ! apt-get install -y --no-install-recommends "$2" >"$WORK/apt.log" 2>&1; then
		apt-get update >>"$WORK/apt.log" 2>&1
		apt-get install -y --no-install-recommends "$2" >>"$WORK/apt.log" 2>&1 || die "could not install $2 (see $WORK/apt.log)"
	fi
}

# Installs wrk (Debian package) when it is missing.
ensure_wrk() {
	ensure_package wrk wrk
}

# wrk_run LABEL WRK-ARGS...: runs wrk --latency, keeps its output in $WORK/wrk-LABEL.txt and
# prints "requests_per_s p50_ms p99_ms non_2xx socket_errors requests".
wrk_run() {
	local label=$1
	shift
	wrk --latency "$@" >"$WORK/wrk-$label.txt" 2>&1 || die "wrk failed: $(cat "$WORK/wrk-$label.txt")"
	awk '
		function ms(value) {
			if (value ~ /us$/) return substr(value, 1, length(value) - 2) / 1000
			if (value ~ /ms$/) return substr(value, 1, length(value) - 2) + 0
			if (value ~ /s$/) return substr(value, 1, length(value) - 1) * 1000
			return value + 0
		}
		/Requests\/sec:/ { rps = $2 }
		/requests in/ { requests = $1 }
		$1 == "50%" { p50 = ms($2) }
		$1 == "99%" { p99 = ms($2) }
		/Non-2xx or 3xx responses:/ { non2xx = $NF }
		/Socket errors:/ { errors = $0; sub(/.*Socket errors: */, "", errors); gsub(/ /, "", errors) }
		END { printf "%s %.3f %.3f %d %s %d\n", rps, p50, p99, non2xx, (errors == "" ? "none" : errors), requests }
	' "$WORK/wrk-$label.txt"
}

# A header naming the machine, for the results.
describe_machine() {
	printf 'date: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
	printf 'machine: %s cores, %s MiB memory, %s\n' "$(nproc)" \
		"$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 }' /proc/meminfo)" "$(uname -sr)"
	printf 'load average (1 min) at start: %s, at end: %s\n' "$START_LOAD" "$(load_average)"
	printf 'java: %s\n' "$(java -version 2>&1 | head -n 1)"
	printf 'repository: %s (%s)\n' "$REPO" "$(git -C "$REPO" log -1 --format='%h %s' 2>/dev/null || echo 'not a git clone')"
}
