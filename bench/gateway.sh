#!/usr/bin/env bash
# Gateway benchmark: the same read request (GET /jobs?limit=10) sent by wrk on loopback
# directly to the controller and through the gateway; prints requests/s and p50/p99 of
# both, their ratio and the latency the gateway adds. Then the gateway's own GET / (a constant
# document, no call to any service) under the same load: the least any request through the
# gateway can cost, which bounds the ratio any proxy built on the same server can reach.
#
#   bench/gateway.sh [REPO]
#
# Settings (environment): CONNECTIONS (32), DURATION (20s), THREADS (2), WARMUP (20s on each,
# then 10s more on each until neither JVM's JIT compiler has work left, at most STEADY_ROUNDS (12)),
# SEED_JOBS (200 queued jobs stored before the runs), SERVICE_JAVA_OPTS (JVM options of both
# services, none by default, added last), GATEWAY_JAVA_OPTS (the gateway's, instead of its unit's),
# REFERENCE_PROXY (nginx, or none to skip it; nginx is installed from Debian's packages if missing).
#
# The gateway runs with the JVM options of deploy/systemd/dispycluster-gateway.service in REPO
# (GATEWAY_JAVA_OPTS): the gateway as it is deployed, C1 compiler, serial GC and a small heap.
# The controller keeps the JVM's defaults, so the direct figures stay comparable with earlier runs.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20s}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-20s}
STEADY_ROUNDS=${STEADY_ROUNDS:-12}
SEED_JOBS=${SEED_JOBS:-200}
REFERENCE_PROXY=${REFERENCE_PROXY:-nginx}
PATH_AND_QUERY='/jobs?limit=10'

ensure_wrk
[ "$REFERENCE_PROXY" = none ] || ensure_package nginx nginx-light
controller_jar=$(service_jar controller-service)
gateway_jar=$(service_jar gateway-service)
gateway_unit="$REPO/deploy/systemd/dispycluster-gateway.service"
[ -f "$gateway_unit" ] || die "$gateway_unit is missing"
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS-$(sed -n 's/^Environment="\{0,1\}GATEWAY_JAVA_OPTS=\([^"]*\)"\{0,1\}$/\1/p' "$gateway_unit" | tail -n 1)}
log "gateway JVM: $GATEWAY_JAVA_OPTS $SERVICE_JAVA_OPTS"
export DISPYCLUSTER_CONFIG="$WORK/missing.yml"
log "work directory: $WORK"

controller_port=$(free_port)
start controller java $SERVICE_JAVA_OPTS -jar "$controller_jar" --server.port="$controller_port" \
	--dispycluster.data-dir="$WORK/data"
controller_pid=$LAST_PID
controller="http://127.0.0.1:$controller_port"
wait_http "$controller/health" "$controller_pid"

# Jobs to list: no worker is registered, so they stay queued and the list does not change.
log "storing $SEED_JOBS jobs"
for ((first = 0; first < SEED_JOBS; first += 50)); do
	urls=$(seq "$first" $((first + 49 < SEED_JOBS - 1 ? first + 49 : SEED_JOBS - 1)) |
		awk '{ printf "%s\"https://example.org/page/%d\"", (NR > 1 ? "," : ""), $1 }')
	curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "{\"urls\":[$urls]}" "$controller/scrape/batch"
done

gateway_port=$(free_port)
# shellcheck disable=SC2086
start gateway java $GATEWAY_JAVA_OPTS $SERVICE_JAVA_OPTS -jar "$gateway_jar" --server.port="$gateway_port" \
	--dispycluster.services.controller="$controller"
gateway_pid=$LAST_PID
gateway="http://127.0.0.1:$gateway_port"
wait_http "$gateway$PATH_AND_QUERY" "$gateway_pid"

direct_body=$(curl -fsS "$controller$PATH_AND_QUERY")
routed_body=$(curl -fsS "$gateway$PATH_AND_QUERY")
[ "$direct_body" = "$routed_body" ] || die "the gateway's answer differs from the controller's"
log "both answer the same ${#direct_body}-byte list"

reference_pid=
if [ "$REFERENCE_PROXY" != none ]; then
	# One nginx process (no master), one upstream keep-alive pool, no access log: a plain,
	# well-tuned reverse proxy, for comparison only.
	reference_port=$(free_port)
	mkdir -p "$WORK/nginx"
	cat >"$WORK/nginx/nginx.conf" <<-EOF
		daemon off;
		master_process off;
		worker_processes 1;
		pid $WORK/nginx/nginx.pid;
		error_log $WORK/nginx/error.log;
		events { worker_connections 1024; }
		http {
		  access_log off;
		  client_body_temp_path $WORK/nginx/body;
		  proxy_temp_path $WORK/nginx/proxy;
		  upstream controller { server 127.0.0.1:$controller_port; keepalive 64; }
		  server {
		    listen 127.0.0.1:$reference_port;
		    location / {
		      proxy_pass http://controller;
		      proxy_http_version 1.1;
		      proxy_set_header Connection "";
		    }
		  }
		}
	EOF
	start nginx nginx -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
	reference_pid=$LAST_PID
	reference="http://127.0.0.1:$reference_port"
	wait_http "$reference$PATH_AND_QUERY" "$reference_pid"
	[ "$(curl -fsS "$reference$PATH_AND_QUERY")" = "$direct_body" ] || die "nginx's answer differs from the controller's"
fi

log "warm-up: $WARMUP on each"
wrk_run warmup-direct -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$controller$PATH_AND_QUERY" >/dev/null
wrk_run warmup-gateway -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$gateway$PATH_AND_QUERY" >/dev/null
[ -z "$reference_pid" ] || wrk_run warmup-reference -t"$THREADS" -c"$CONNECTIONS" -d5s "$reference$PATH_AND_QUERY" >/dev/null

# reference_cpu_ms: the CPU time nginx has used so far (0 without it).
reference_cpu_ms() {
	if [ -n "$reference_pid" ]; then cpu_ms "$reference_pid"; else echo 0; fi
}

# measure LABEL URL WRK-ARGS...: one wrk run, with the CPU time the controller, the gateway and
# nginx spent on it; prints "requests_per_s p50 p99 non_2xx socket_errors
# controller_cpu_ms_per_request gateway_cpu_ms_per_request nginx_cpu_ms_per_request".
measure() {
	local label=$1 url=$2
	shift 2
	local controller_before gateway_before reference_before rps p50 p99 non2xx errors requests
	controller_before=$(cpu_ms "$controller_pid")
	gateway_before=$(cpu_ms "$gateway_pid")
	reference_before=$(reference_cpu_ms)
	read -r rps p50 p99 non2xx errors requests < <(wrk_run "$label" "$@" "$url")
	awk -v r="$rps" -v p50="$p50" -v p99="$p99" -v n2="$non2xx" -v e="$errors" -v n="$requests" \
		-v c="$(($(cpu_ms "$controller_pid") - controller_before))" \
		-v g="$(($(cpu_ms "$gateway_pid") - gateway_before))" \
		-v x="$(($(reference_cpu_ms) - reference_before))" \
		'BEGIN { printf "%s %s %s %s %s %.3f %.3f %.3f\n", r, p50, p99, n2, e, c / n, g / n, x / n }'
}

# The controller (C2, default flags) has about a thousand methods waiting for its JIT compiler
# after the warm-up, whose threads the request threads starve: its CPU per answer falls from
# ~0.5 to ~0.1 ms over the next minute or so of load. Measured then, the direct run looks 3-5
# times slower than it is and flatters the ratio. So the load goes on, on both, until neither
# JVM has more than a few methods left to compile.
compile_queue() { jcmd "$1" Compiler.queue 2>/dev/null | grep -c '^[0-9]'; }
log "warm-up: until the JIT compilers of both JVMs are done (10s runs on each, at most $STEADY_ROUNDS)"
for ((round = 1; round <= STEADY_ROUNDS; round++)); do
	controller_queue=$(compile_queue "$controller_pid")
	gateway_queue=$(compile_queue "$gateway_pid")
	log "  methods waiting for the compiler: controller $controller_queue, gateway $gateway_queue"
	[ "$controller_queue" -le 5 ] && [ "$gateway_queue" -le 5 ] && break
	wrk_run steady-direct -t"$THREADS" -c"$CONNECTIONS" -d10s "$controller$PATH_AND_QUERY" >/dev/null
	wrk_run steady-gateway -t"$THREADS" -c"$CONNECTIONS" -d10s "$gateway$PATH_AND_QUERY" >/dev/null
done

log "measuring: $CONNECTIONS connections, $DURATION each"
read -r direct_rps direct_p50 direct_p99 direct_non2xx direct_errors direct_ccpu direct_gcpu _ < <(measure direct \
	"$controller$PATH_AND_QUERY" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION")
thread_cpu "$gateway_pid" >"$WORK/threads-before.txt"
read -r gateway_rps gateway_p50 gateway_p99 gateway_non2xx gateway_errors gateway_ccpu gateway_gcpu _ < <(measure gateway \
	"$gateway$PATH_AND_QUERY" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION")

thread_cpu "$gateway_pid" >"$WORK/threads-after.txt"

# The floor: the same load on an answer the gateway makes itself, with the same filters
# (request id, metrics, CORS, API key, rate limit, body limit) and no upstream call.
[ "$(curl -fsS -o /dev/null -w '%{http_code}' "$gateway/")" = 200 ] || die "the gateway's GET / failed"
read -r own_rps own_p50 own_p99 own_non2xx own_errors _ own_gcpu _ < <(measure gateway-own \
	"$gateway/" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION")

reference_rps=
if [ -n "$reference_pid" ]; then
	read -r reference_rps reference_p50 reference_p99 reference_non2xx reference_errors reference_ccpu _ reference_xcpu \
		< <(measure reference "$reference$PATH_AND_QUERY" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION")
fi

log "one connection, 10s each (latency without queueing)"
read -r single_direct_rps single_direct_p50 single_direct_p99 _ < <(measure single-direct \
	"$controller$PATH_AND_QUERY" -t1 -c1 -d10s)
read -r single_gateway_rps single_gateway_p50 single_gateway_p99 _ < <(measure single-gateway \
	"$gateway$PATH_AND_QUERY" -t1 -c1 -d10s)

read -r controller_hwm controller_rss < <(memory_mib "$controller_pid")
read -r gateway_hwm gateway_rss < <(memory_mib "$gateway_pid")

echo
echo "== Gateway benchmark: GET $PATH_AND_QUERY, wrk -t$THREADS -c$CONNECTIONS -d$DURATION on loopback"
printf 'JVM options: gateway "%s", services "%s" (added last)\n' "$GATEWAY_JAVA_OPTS" "$SERVICE_JAVA_OPTS"
describe_machine
printf '%-22s %11s %8s %8s %8s %14s %12s %s\n' "" "requests/s" "p50 ms" "p99 ms" "non-2xx" \
	"CPU ms/request" "" "socket errors"
printf '%-22s %11s %8s %8s %8s %14s %12s %s\n' "" "" "" "" "" "controller" "gateway" ""
printf '%-22s %11.0f %8.2f %8.2f %8d %14.3f %12.3f %s\n' "direct to controller" "$direct_rps" "$direct_p50" \
	"$direct_p99" "$direct_non2xx" "$direct_ccpu" "$direct_gcpu" "$direct_errors"
printf '%-22s %11.0f %8.2f %8.2f %8d %14.3f %12.3f %s\n' "through the gateway" "$gateway_rps" "$gateway_p50" \
	"$gateway_p99" "$gateway_non2xx" "$gateway_ccpu" "$gateway_gcpu" "$gateway_errors"
printf '%-22s %11.0f %8.2f %8.2f %8d %14s %12.3f %s\n' "gateway's own GET /" "$own_rps" "$own_p50" \
	"$own_p99" "$own_non2xx" "-" "$own_gcpu" "$own_errors"
if [ -n "$reference_rps" ]; then
	printf '%-22s %11.0f %8.2f %8.2f %8d %14.3f %12s %s\n' "through nginx" "$reference_rps" "$reference_p50" \
		"$reference_p99" "$reference_non2xx" "$reference_ccpu" "nginx $reference_xcpu" "$reference_errors"
fi
awk -v d="$direct_rps" -v g="$gateway_rps" -v dp="$direct_p50" -v gp="$gateway_p50" '
	BEGIN {
		ratio = 100 * g / d; added = gp - dp
		printf "throughput ratio: %.1f %% (target >= 70 %%: %s)\n", ratio, (ratio >= 70 ? "met" : "MISSED")
		printf "p50 added under load: %.2f ms (target < 2 ms: %s)\n", added, (added < 2 ? "met" : "MISSED")
	}'
# The ratio a proxy on this server could reach if its call to the controller cost nothing:
# the gateway's CPU for a request is at least what its own GET / costs.
# wrk's share is estimated as what the direct run left of the saturated cores.
awk -v d="$direct_rps" -v c="$direct_ccpu" -v dg="$direct_gcpu" -v o="$own_gcpu" -v g="$gateway_gcpu" '
	BEGIN {
		cores = '"$(nproc)"'; wrk = cores * 1000 / d - c - dg
		if (wrk < 0) wrk = 0
		printf "floor: the gateway answering by itself costs %.3f ms of CPU per request (%.0f %% of a proxied one);\n", o, 100 * o / g
		printf "  with wrk at %.3f ms and the controller at %.3f ms per request, a proxy costing that much would reach %.1f %%\n",
			wrk, c, 100 * (wrk + c) / (wrk + c + o)
	}'
if [ -n "$reference_rps" ]; then
	awk -v d="$direct_rps" -v x="$reference_rps" -v g="$gateway_rps" -v dp="$direct_p50" -v xp="$reference_p50" '
		BEGIN {
			printf "reference: nginx reaches %.1f %% of the direct requests/s (p50 added %.2f ms); the gateway %.1f %% of nginx'"'"'s\n",
				100 * x / d, xp - dp, 100 * g / x
		}'
fi
awk -v d="$single_direct_p50" -v g="$single_gateway_p50" -v dr="$single_direct_rps" -v gr="$single_gateway_rps" '
	BEGIN {
		printf "one connection: direct p50 %.2f ms (%.0f/s), gateway p50 %.2f ms (%.0f/s), added %.2f ms\n",
			d, dr, g, gr, g - d
	}'
printf 'resident memory after the runs (peak / now): controller %s / %s MiB, gateway %s / %s MiB\n' \
	"$controller_hwm" "$controller_rss" "$gateway_hwm" "$gateway_rss"
echo "gateway CPU by thread during the run through it:"
thread_cpu_diff "$WORK/threads-before.txt" "$WORK/threads-after.txt"
