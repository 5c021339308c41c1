#!/usr/bin/env bash
# check.sh: is DispyCluster healthy on this machine? One line per installed service (✓ or ✗: its unit, its
# port, its /actuator/health), then, where the gateway runs, a summary of the gateway's /health (every
# service of the cluster and the workers). Exits 0 when everything is ✓, 1 otherwise.
#
#   check.sh [--api-key KEY] [--gateway URL]
#
#   --api-key KEY   sent to the gateway (X-API-Key) so that its /health shows the details, which production
#                   hides from anonymous callers; default: $DISPYCLUSTER_API_KEY
#   --gateway URL   the gateway to ask (default http://127.0.0.1:8084, or the gateway's port below)
#
# Environment: DISPYCLUSTER_BASE_PORT (8080: the worker, then controller, monitoring, scheduler, gateway).
set -uo pipefail

ALL=(controller monitoring scheduler gateway worker)
BASE_PORT="${DISPYCLUSTER_BASE_PORT:-8080}"
API_KEY="${DISPYCLUSTER_API_KEY:-}"
GATEWAY=""

while [ $# -gt 0 ]; do
	case "$1" in
		--api-key) API_KEY="${2:?--api-key needs a key}"; shift ;;
		--gateway) GATEWAY="${2:?--gateway needs a URL}"; shift ;;
		-h | --help) sed -n '2,/^set -uo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) printf 'check: unknown option %s (see --help)\n' "$1" >&2; exit 2 ;;
	esac
	shift
done

port_of() {
	case "$1" in
		worker) echo "$BASE_PORT" ;;
		controller) echo $((BASE_PORT + 1)) ;;
		monitoring) echo $((BASE_PORT + 2)) ;;
		scheduler) echo $((BASE_PORT + 3)) ;;
		gateway) echo $((BASE_PORT + 4)) ;;
	esac
}
GATEWAY="${GATEWAY:-http://127.0.0.1:$(port_of gateway)}"

# GET a URL (with optional headers), body on stdout; status 0 only on 2xx. curl when present, bash's
# /dev/tcp otherwise (plain http only).
http_get() {
	local url="$1"
	shift
	if command -v curl >/dev/null 2>&1; then
		local args=() header
		for header in "$@"; do
			args+=(-H "$header")
		done
		curl -fsS --max-time 5 "${args[@]+"${args[@]}"}" "$url" 2>/dev/null
		return
	fi
	local rest="${url#http://}" host port path response header extra=""
	host="${rest%%/*}"
	path="/${rest#*/}"
	port="${host##*:}"
	host="${host%%:*}"
	for header in "$@"; do
		extra+="$header"$'\r\n'
	done
	exec 3<>"/dev/tcp/$host/$port" 2>/dev/null || return 1
	printf 'GET %s HTTP/1.0\r\nHost: %s\r\n%sConnection: close\r\n\r\n' "$path" "$host" "$extra" >&3
	response="$(timeout 5 cat <&3)" || { exec 3>&-; return 1; }
	exec 3>&-
	printf '%s' "${response#*$'\r\n\r\n'}"
	[[ "$(printf '%s' "$response" | head -n 1)" =~ ^HTTP/[0-9.]+\ 2 ]]
}

listening() {
	if command -v ss >/dev/null 2>&1; then
		[ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]
	else
		timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
	fi
}

# The value of a "name":"value" or "name":number pair of a compact JSON body (the first one).
json_value() {
	printf '%s' "$2" | grep -o "\"$1\":\"\{0,1\}[^\",}]*" | head -n 1 | sed 's/^"[^"]*":"\{0,1\}//'
}

ok=1
found=0
printf 'DispyCluster on %s\n' "$(hostname 2>/dev/null || echo this machine)"
for service in "${ALL[@]}"; do
	unit="dispycluster-$service.service"
	systemctl list-unit-files --no-legend "$unit" 2>/dev/null | grep -q "$unit" || continue
	found=1
	port="$(port_of "$service")"
	state="$(systemctl is-active "$unit" 2>/dev/null)"
	state="${state:-unknown}"
	if listening "$port"; then port_state="port $port listening"; else port_state="port $port closed"; fi
	health="$(http_get "http://127.0.0.1:$port/actuator/health")" && health="$(json_value status "$health")" || health="no answer"
	if [ "$state" = active ] && [ "$health" = UP ]; then
		mark="✓"
		hint=""
	else
		mark="✗"
		ok=0
		hint="  (journalctl -u dispycluster-$service -n 50)"
	fi
	printf '  %s %-10s %-10s %-22s health %s%s\n' "$mark" "$service" "$state" "$port_state" "$health" "$hint"
done
if [ "$found" -eq 0 ]; then
	printf '  ✗ no DispyCluster unit is installed here\n'
	exit 1
fi

if systemctl list-unit-files --no-legend dispycluster-gateway.service 2>/dev/null | grep -q gateway; then
	headers=()
	[ -z "$API_KEY" ] || headers+=("X-API-Key: $API_KEY")
	if body="$(http_get "$GATEWAY/health" "${headers[@]+"${headers[@]}"}")"; then
		overall="$(json_value overall_status "$body")"
		[ "$overall" = healthy ] && mark="✓" || { mark="✗"; ok=0; }
		printf 'Gateway %s/health: %s %s\n' "$GATEWAY" "$mark" "${overall:-unknown}"
		services="$(printf '%s' "$body" | grep -o '"[a-z_]*":{"status":"[a-z]*"' | sed 's/^"\([a-z_]*\)":{"status":"\([a-z]*\)"/\1 \2/' | grep -v '^workers ')"
		if [ -n "$services" ]; then
			while read -r name status; do
				[ "$status" = healthy ] && mark="✓" || mark="✗"
				printf '  %s %-10s %s\n' "$mark" "$name" "$status"
			done <<<"$services"
			workers="$(printf '%s' "$body" | grep -o '"workers":{.*')"
			online="$(json_value online "$workers")"
			total="$(json_value total "$workers")"
			if [ -n "$total" ]; then
				[ "${online:-0}" -gt 0 ] && mark="✓" || { mark="✗"; ok=0; }
				nodes="$(printf '%s' "$workers" | grep -o '"node":"[^"]*","status":"[a-z]*"' |
					sed 's/"node":"\([^"]*\)","status":"\([a-z]*\)"/\1 (\2)/' | paste -sd ',' - | sed 's/,/, /g')"
				printf '  %s workers    %s of %s online%s\n' "$mark" "${online:-0}" "$total" "${nodes:+: $nodes}"
			else
				printf '  ✗ workers    unknown: %s\n' "$(json_value error "$workers")"
				ok=0
			fi
		else
			printf '  (details need an API key: --api-key KEY or DISPYCLUSTER_API_KEY)\n'
		fi
	else
		printf 'Gateway %s/health: ✗ no answer\n' "$GATEWAY"
		ok=0
	fi
fi
[ "$ok" -eq 1 ]
