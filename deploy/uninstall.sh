#!/usr/bin/env bash
# uninstall.sh: remove DispyCluster from this machine: stop and disable its services, remove their units
# and /opt/dispycluster. The configuration (/etc/dispycluster) and the data (/var/lib/dispycluster: the
# H2 databases) are kept, so that installing again carries on where it stopped.
#
#   sudo uninstall.sh [--purge] [--dry-run] [--root DIR]
#
#   --purge       also delete the configuration, the data and the dispycluster user (no way back: back the
#                 data up first, see docs/operations.md)
#   --dry-run     print what would be done, change nothing
#   --root DIR    act under DIR instead of / (also DESTDIR=DIR); systemctl and userdel are then printed
set -euo pipefail

ROOT="${DESTDIR:-}"
DRY=0
PURGE=0
SERVICES=(gateway scheduler monitoring controller worker)

say() { printf '%s\n' "$*"; }
die() { printf 'uninstall: %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
	case "$1" in
		--purge) PURGE=1 ;;
		--dry-run) DRY=1 ;;
		--root) ROOT="${2:?--root needs a directory}"; shift ;;
		--root=*) ROOT="${1#--root=}" ;;
		-h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) die "unknown option $1 (see --help)" ;;
	esac
	shift
done
if [ -n "$ROOT" ]; then
	ROOT="$(realpath -m "$ROOT")"
	[ "$ROOT" != / ] || ROOT=""
fi
if [ -z "$ROOT" ] && [ "$DRY" -eq 0 ] && [ "$(id -u)" -ne 0 ]; then
	die "run as root (sudo), or try --dry-run"
fi

# Acts on the running system: printed under a root prefix or in a dry run.
system() {
	if [ -n "$ROOT" ]; then
		say "  skipped (root prefix): $*"
	elif [ "$DRY" -eq 1 ]; then
		say "  would run: $*"
	else
		say "  run: $*"
		"$@" || true
	fi
}

remove() {
	local path="$1"
	[ -e "$ROOT$path" ] || [ -L "$ROOT$path" ] || return 0
	if [ "$DRY" -eq 1 ]; then
		say "  would remove $path"
	else
		say "  remove $path"
		rm -rf -- "$ROOT$path"
	fi
}

say "Uninstalling DispyCluster${ROOT:+ under $ROOT}$([ "$DRY" -eq 0 ] || echo ' (dry run: nothing is changed)')"
units=()
for service in "${SERVICES[@]}"; do
	if [ -f "$ROOT/etc/systemd/system/dispycluster-$service.service" ]; then
		units+=("dispycluster-$service.service")
	fi
done
if [ "${#units[@]}" -gt 0 ]; then
	system systemctl disable --now "${units[@]}"
	for unit in "${units[@]}"; do
		remove "/etc/systemd/system/$unit"
		remove "/etc/systemd/system/$unit.d"
	done
	system systemctl daemon-reload
	[ -n "$ROOT" ] || [ "$DRY" -eq 1 ] || systemctl reset-failed "${units[@]}" 2>/dev/null || true
fi
remove /opt/dispycluster
if [ "$PURGE" -eq 1 ]; then
	remove /etc/dispycluster
	remove /var/lib/dispycluster
	if [ -n "$ROOT" ] || id -u dispycluster >/dev/null 2>&1; then
		system userdel dispycluster
	fi
	say "Purged: configuration and data are gone."
else
	[ ! -d "$ROOT/etc/dispycluster" ] || say "  kept /etc/dispycluster (configuration)"
	[ ! -d "$ROOT/var/lib/dispycluster" ] || say "  kept /var/lib/dispycluster (data)"
	say "Removed. Configuration and data are kept; --purge deletes them."
fi
