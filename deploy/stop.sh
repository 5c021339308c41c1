#!/usr/bin/env bash
# stop.sh: stop the DispyCluster services of this machine (each finishes its work and closes its database).
#
#   sudo stop.sh [SERVICE...]
#
#   SERVICE   controller, monitoring, scheduler, gateway or worker; default: every one installed here
#
# systemd stops them in the reverse order of their start (the gateway first). They start again at boot
# while they are enabled; "systemctl disable dispycluster-<service>" prevents that.
set -euo pipefail

ALL=(gateway scheduler monitoring controller worker)
SERVICES=()

die() { printf 'stop: %s\n' "$*" >&2; exit 1; }

for arg in "$@"; do
	case "$arg" in
		-h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
		controller | monitoring | scheduler | gateway | worker) SERVICES+=("$arg") ;;
		*) die "unknown service $arg" ;;
	esac
done
if [ "${#SERVICES[@]}" -eq 0 ]; then
	for service in "${ALL[@]}"; do
		if systemctl list-unit-files --no-legend "dispycluster-$service.service" 2>/dev/null | grep -q .; then
			SERVICES+=("$service")
		fi
	done
fi
[ "${#SERVICES[@]}" -gt 0 ] || die "no DispyCluster unit is installed here"

units=()
for service in "${SERVICES[@]}"; do
	units+=("dispycluster-$service.service")
done
printf 'Stopping %s...\n' "${SERVICES[*]}"
systemctl stop "${units[@]}"
for service in "${SERVICES[@]}"; do
	printf '  %s: %s\n' "$service" "$(systemctl is-active "dispycluster-$service.service" 2>/dev/null || true)"
done
