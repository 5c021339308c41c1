#!/usr/bin/env bash
# start.sh: start the DispyCluster services installed on this machine and wait until they answer.
#
#   sudo start.sh [--restart] [--no-wait] [--timeout SECONDS] [SERVICE...]
#
#   SERVICE       controller, monitoring, scheduler, gateway or worker; default: every one installed here
#   --restart     restart those already running (after an upgrade or a configuration change)
#   --no-wait     return once systemd has started them
#   --timeout S   how long to wait for each to answer /actuator/health (default 300: a Pi is slow to start)
#
# systemd orders the start (the gateway after the other three); logs: journalctl -u dispycluster-<service>.
# Environment: DISPYCLUSTER_BASE_PORT (8080: the worker, then controller, monitoring, scheduler, gateway).
set -euo pipefail

ALL=(controller monitoring scheduler gateway worker)
BASE_PORT="${DISPYCLUSTER_BASE_PORT:-8080}"
ACTION=start
WAIT=1
TIMEOUT=300
SERVICES=()

say() { printf '%s\n' "$*"; }
die() { printf 'start: %s\n' "$*" >&2; exit 1; }

port_of() {
	case "$1" in
		worker) echo "$BASE_PORT" ;;
		controller) echo $((BASE_PORT + 1)) ;;
		monitoring) echo $((BASE_PORT + 2)) ;;
		scheduler) echo $((BASE_PORT + 3)) ;;
		gateway) echo $((BASE_PORT + 4)) ;;
		*) return 1 ;;
	esac
}

installed() {
	systemctl list-unit-files --no-legend "dispycluster-$1.service" 2>/dev/null | grep -q "dispycluster-$1.service"
}

healthy() {
	local url="http://127.0.0.1:$(port_of "$1")/actuator/health"
	if command -v curl >/dev/null 2>&1; then
		curl -fsS --max-time 3 -o /dev/null "$url" 2>/dev/null
	else
		timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$(port_of "$1")" 2>/dev/null
	fi
}

while [ $# -gt 0 ]; do
	case "$1" in
		--restart) ACTION=restart ;;
		--no-wait) WAIT=0 ;;
		--timeout) TIMEOUT="${2:?--timeout needs seconds}"; shift ;;
		-h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
		-*) die "unknown option $1 (see --help)" ;;
		*) port_of "$1" >/dev/null || die "unknown service $1"; SERVICES+=("$1") ;;
	esac
	shift
done
if [ "${#SERVICES[@]}" -eq 0 ]; then
	for service in "${ALL[@]}"; do
		! installed "$service" || SERVICES+=("$service")
	done
fi
[ "${#SERVICES[@]}" -gt 0 ] || die "no DispyCluster unit is installed here (install-master.sh or install-node.sh)"

units=()
for service in "${SERVICES[@]}"; do
	units+=("dispycluster-$service.service")
done
say "${ACTION^}ing ${SERVICES[*]}..."
systemctl "$ACTION" "${units[@]}"
[ "$WAIT" -eq 1 ] || exit 0

deadline=$((SECONDS + TIMEOUT))
pending=("${SERVICES[@]}")
while [ "${#pending[@]}" -gt 0 ]; do
	still=()
	for service in "${pending[@]}"; do
		if healthy "$service"; then
			say "  ✓ $service answers on port $(port_of "$service")"
		elif systemctl is-failed --quiet "dispycluster-$service.service"; then
			say "  ✗ $service failed to start: journalctl -u dispycluster-$service -n 50"
			exit 1
		else
			still+=("$service")
		fi
	done
	pending=("${still[@]+"${still[@]}"}")
	[ "${#pending[@]}" -gt 0 ] || break
	if [ "$SECONDS" -ge "$deadline" ]; then
		say "  ✗ not answering after ${TIMEOUT}s: ${pending[*]} (journalctl -u dispycluster-${pending[0]} -n 50)"
		exit 1
	fi
	sleep 2
done
say "Started. Check the whole machine with: $(dirname "$0")/check.sh"
