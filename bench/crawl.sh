#!/usr/bin/env bash
# Crawl benchmark: a deterministic site (PAGES pages of about 30 KB with 20 links each,
# bench/src/.../site/Site.java) served from memory on loopback, crawled by one scraper worker
# with the JVM options of its systemd unit but -Xmx64m, no politeness delay and robots.txt allowing
# everything, through the worker's
# synchronous POST /scrape. Prints the site server's own rate (wrk), the crawl's pages/s, the
# worker's peak RSS, and the same figures for a plain single-threaded jsoup parse of the same
# pages (the ceiling).
#
#   bench/crawl.sh [REPO]
#
# POST /scrape takes at most 1000 pages (max_pages 1..1000), so the 2000 pages are crawled
# as CRAWLS crawls of MAX_PAGES pages each, one after the other, started from evenly spaced
# pages.
#
# The worker's JVM options are those of deploy/systemd/dispycluster-worker.service in REPO
# (WORKER_JAVA_OPTS and MALLOC_ARENA_MAX), with -Xmx replaced by WORKER_HEAP.
#
# Settings (environment): PAGES (2000), CRAWLS (2), MAX_PAGES (1000), WARMUP_PAGES (1000: a
# first crawl, not counted, so that the JIT has compiled the crawl path), WORKER_HEAP (64m),
# WORKER_JAVA_OPTS (instead of the unit's), MALLOC_ARENA_MAX (instead of the unit's),
# HOST_CONCURRENCY (4: concurrent fetches per host, passed to the worker when its
# configuration has such a property; HOST_CONCURRENCY_PROPERTY names it if detection fails),
# SERVER_THREADS (4), SERVICE_JAVA_OPTS.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PAGES=${PAGES:-2000}
CRAWLS=${CRAWLS:-2}
MAX_PAGES=${MAX_PAGES:-1000}
WARMUP_PAGES=${WARMUP_PAGES:-1000}
WORKER_HEAP=${WORKER_HEAP:-64m}
HOST_CONCURRENCY=${HOST_CONCURRENCY:-4}
SERVER_THREADS=${SERVER_THREADS:-4}

ensure_wrk
worker_jar=$(service_jar scraper-worker)
worker_unit="$REPO/deploy/systemd/dispycluster-worker.service"
unit_value() {
	sed -n "s/^Environment=\"\{0,1\}$1=\([^\"]*\)\"\{0,1\}\$/\1/p" "$worker_unit" | tail -n 1
}
[ -f "$worker_unit" ] || die "$worker_unit is missing"
WORKER_JAVA_OPTS=${WORKER_JAVA_OPTS-$(unit_value WORKER_JAVA_OPTS)}
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX-$(unit_value MALLOC_ARENA_MAX)}
# shellcheck disable=SC2206
worker_jvm=($(printf '%s\n' $WORKER_JAVA_OPTS | grep -v '^-Xmx') "-Xmx$WORKER_HEAP")
worker_env=()
[ -z "$MALLOC_ARENA_MAX" ] || worker_env=("MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX")
log "worker JVM: ${worker_env[*]} ${worker_jvm[*]} $SERVICE_JAVA_OPTS"
classpath=$(bench_classpath)
export DISPYCLUSTER_CONFIG="$WORK/missing.yml"
log "work directory: $WORK"

# The dotted property names of the worker's application.yml (a plain two-space YAML).
worker_properties() {
	local yml="$WORK/worker-application.yml"
	if command -v unzip >/dev/null; then
		unzip -p "$worker_jar" BOOT-INF/classes/application.yml >"$yml"
	else
		(cd "$WORK" && jar xf "$worker_jar" BOOT-INF/classes/application.yml && mv BOOT-INF/classes/application.yml "$yml")
	fi
	awk '
		/^[[:space:]]*#/ || /^[[:space:]]*$/ || /^---/ { next }
		match($0, /^ *[A-Za-z0-9_.-]+:/) {
			depth = (match($0, /[^ ]/) - 1) / 2
			key = $0; sub(/^ */, "", key); sub(/:.*/, "", key)
			path[depth] = key
			full = path[0]; for (i = 1; i <= depth; i++) full = full "." path[i]
			print full
		}' "$yml" | sort -u
}

concurrency_property=${HOST_CONCURRENCY_PROPERTY:-$(worker_properties |
	grep -E '^dispycluster\.worker\..*(concurren|parallel|per-host)' | head -n 1 || true)}
worker_args=(--dispycluster.worker.register=false --dispycluster.worker.crawl.politeness-delay=0
	--dispycluster.services.controller=http://127.0.0.1:9)
if [ -n "$concurrency_property" ]; then
	worker_args+=("--$concurrency_property=$HOST_CONCURRENCY")
	concurrency_note="$concurrency_property=$HOST_CONCURRENCY"
else
	concurrency_note="none: this worker has no per-host concurrency setting, it fetches one page at a time per crawl"
fi
log "per-host concurrency: $concurrency_note"

site_port=$(free_port)
start site java -cp "$classpath" io.dispycluster.bench.site.SiteServer --port="$site_port" --pages="$PAGES" \
	--threads="$SERVER_THREADS"
site_pid=$LAST_PID
site="http://127.0.0.1:$site_port"
wait_http "$site/robots.txt" "$site_pid"

log "site server alone: wrk over every page, 8 connections, 10s (after a 5s warm-up)"
PAGES=$PAGES wrk_run site-warmup -t2 -c8 -d5s -s "$BENCH_DIR/site-pages.lua" "$site/" >/dev/null
read -r site_rps site_p50 site_p99 site_non2xx _ _ < <(PAGES=$PAGES wrk_run site -t2 -c8 -d10s \
	-s "$BENCH_DIR/site-pages.lua" "$site/")
read -r site_rps4 _ _ _ _ _ < <(PAGES=$PAGES wrk_run site-c4 -t1 -c4 -d10s -s "$BENCH_DIR/site-pages.lua" "$site/")

worker_port=$(free_port)
# shellcheck disable=SC2086
start worker env "${worker_env[@]}" java "${worker_jvm[@]}" $SERVICE_JAVA_OPTS -jar "$worker_jar" \
	--server.port="$worker_port" \
	"${worker_args[@]}"
worker_pid=$LAST_PID
worker="http://127.0.0.1:$worker_port"
wait_http "$worker/health" "$worker_pid"

starts=()
for ((i = 0; i < CRAWLS; i++)); do
	starts+=("$site$(printf '/p/%04d.html' $((i * PAGES / CRAWLS)))")
done
log "warm-up crawl: $WARMUP_PAGES pages"
java -cp "$classpath" io.dispycluster.bench.site.CrawlClient --worker="$worker" \
	--starts="$site$(printf '/p/%04d.html' $((PAGES - 1)))" --max-pages="$WARMUP_PAGES" --label=warmup >"$WORK/warmup.txt"
log "measured: $CRAWLS crawls of $MAX_PAGES pages, one after the other"
cpu_before=$(cpu_ms "$worker_pid")
thread_cpu "$worker_pid" >"$WORK/threads-before.txt"
java -cp "$classpath" io.dispycluster.bench.site.CrawlClient --worker="$worker" \
	--starts="$(IFS=,; echo "${starts[*]}")" --max-pages="$MAX_PAGES" --label=crawl | tee "$WORK/crawl.txt"
worker_cpu=$(($(cpu_ms "$worker_pid") - cpu_before))
thread_cpu "$worker_pid" >"$WORK/threads-after.txt"
read -r worker_hwm worker_rss < <(memory_mib "$worker_pid")

log "ceiling: single-threaded jsoup parse of the same pages, -Xmx$WORKER_HEAP"
java -Xmx"$WORKER_HEAP" -cp "$classpath" io.dispycluster.bench.site.JsoupCeiling --pages="$PAGES" \
	--dir="$WORK/pages" | tee "$WORK/jsoup.txt"

value() {
	grep -o "$2=[0-9.]*" "$1" | tail -n 1 | cut -d = -f 2
}
crawl_rate=$(value "$WORK/crawl.txt" pages_per_s)
crawl_pages=$(grep '^crawl_total' "$WORK/crawl.txt" | grep -o 'pages=[0-9]*' | cut -d = -f 2)

echo
echo "== Crawl benchmark: $PAGES pages of ~30 KB with 20 links, $CRAWLS x POST /scrape max_pages $MAX_PAGES," \
	"worker -Xmx$WORKER_HEAP, politeness delay 0"
describe_machine
printf 'worker JVM: %s\n' "${worker_env[*]} ${worker_jvm[*]} $SERVICE_JAVA_OPTS"
printf 'per-host concurrency: %s\n' "$concurrency_note"
printf 'site server (JDK HttpServer, %s threads): %.0f pages/s with 8 connections (p50 %.2f ms, p99 %.2f ms, non-2xx %s), %.0f pages/s with 4\n' \
	"$SERVER_THREADS" "$site_rps" "$site_p50" "$site_p99" "$site_non2xx" "$site_rps4"
awk -v r="$crawl_rate" -v n="$crawl_pages" -v hwm="$worker_hwm" -v rss="$worker_rss" -v s="$site_rps" \
	-v cpu="$worker_cpu" -v jp="$(value "$WORK/jsoup.txt" jsoup_parse_pages_per_s)" \
	-v je="$(value "$WORK/jsoup.txt" jsoup_parse_extract_pages_per_s)" \
	-v jr="$(value "$WORK/jsoup.txt" jsoup_peak_rss_mib)" '
	BEGIN {
		printf "crawl: %d pages, %.0f pages/s (target >= 800: %s), worker CPU %.2f ms per page\n", n, r,
			(r >= 800 ? "met" : "MISSED"), cpu / n
		printf "site server / crawl rate: %.1f x (must be >= 3 x for the crawl to be the bottleneck: %s)\n", s / r,
			(s >= 3 * r ? "yes" : "NO")
		printf "worker peak RSS (VmHWM): %s MiB, now %s MiB (target < 200 MB: %s)\n", hwm, rss,
			(hwm * 1.048576 < 200 ? "met" : "MISSED")
		printf "ceiling, jsoup on one thread: %.0f pages/s parse only, %.0f pages/s with title, links and text; peak RSS %.0f MiB\n",
			jp, je, jr
	}'
echo "worker CPU by thread during the measured crawls:"
thread_cpu_diff "$WORK/threads-before.txt" "$WORK/threads-after.txt"
