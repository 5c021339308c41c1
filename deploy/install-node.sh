#!/usr/bin/env bash
# install-node.sh: install or upgrade DispyCluster on a worker node (the scraper worker, port 8080).
# install-master.sh uses the same steps for the master's four services.
#
#   sudo ./deploy/install-node.sh [options]        from an unpacked dispycluster-<version>.tar.gz
#
#   --dry-run           print what would be done, change nothing
#   --root DIR          install under DIR instead of / (also DESTDIR=DIR): for tests and images; the
#                       JDK, the user, file ownership and systemctl are then printed, not done
#   --config FILE       the cluster's dispycluster.yml to install (copy it from the master); default: the
#                       example of this distribution (deploy/config/dispycluster.yml)
#   --node-name NAME    this node's worker name, unique in the cluster (default: the short host name)
#   --address ADDR      where the controller reaches this worker (default: the first of hostname -I)
#   --no-java           do not install a JDK even when none is found
#   -h, --help          this text
#
# Safe to run again (an upgrade is the same command with a newer distribution): what is already in place
# is left alone. A configuration file that differs from the one this version ships is never overwritten;
# the new one is put beside it as <file>.dist. Data in /var/lib/dispycluster is never touched.
set -euo pipefail

DC_USER=dispycluster
DC_OPT=/opt/dispycluster
DC_ETC=/etc/dispycluster
DC_DATA=/var/lib/dispycluster
DC_UNITS=/etc/systemd/system
# Debian's JRE packages, oldest first: the first one the distribution has is installed.
DC_JAVA_PACKAGES=(openjdk-17-jre-headless openjdk-21-jre-headless openjdk-25-jre-headless)

DC_DIST="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DC_ROOT="${DESTDIR:-}"
DC_DRY=0
DC_CONFIG=""
DC_NODE_NAME=""
DC_ADDRESS=""
DC_JAVA=1
DC_WITH_WORKER=0
DC_CHANGES=0
DC_UNITS_CHANGED=0

dc_say() { printf '%s\n' "$*"; }
dc_die() { printf 'install: %s\n' "$*" >&2; exit 1; }

# A change: counted, printed, and done unless this is a dry run.
dc_do() {
	local what="$1"
	shift
	DC_CHANGES=$((DC_CHANGES + 1))
	if [ "$DC_DRY" -eq 1 ]; then
		dc_say "  would $what"
		return 0
	fi
	dc_say "  $what"
	"$@"
}

# A command that acts on the running system (systemctl, useradd, apt-get): printed and skipped under a
# root prefix (the system is not the one being installed), printed in a dry run, run otherwise.
dc_system() {
	if [ -n "$DC_ROOT" ]; then
		dc_say "  skipped (root prefix):$(printf ' %q' "$@")"
		return 0
	fi
	DC_CHANGES=$((DC_CHANGES + 1))
	if [ "$DC_DRY" -eq 1 ]; then
		dc_say "  would run:$(printf ' %q' "$@")"
		return 0
	fi
	dc_say "  run:$(printf ' %q' "$@")"
	"$@"
}

dc_usage() {
	sed -n '2,/^set -euo/p' "$1" | sed '$d' | sed 's/^# \{0,1\}//'
}

dc_parse_args() {
	local script="$1"
	shift
	while [ $# -gt 0 ]; do
		case "$1" in
			--dry-run) DC_DRY=1 ;;
			--root) DC_ROOT="${2:?--root needs a directory}"; shift ;;
			--root=*) DC_ROOT="${1#--root=}" ;;
			--config) DC_CONFIG="${2:?--config needs a file}"; shift ;;
			--node-name) DC_NODE_NAME="${2:?--node-name needs a name}"; shift ;;
			--address) DC_ADDRESS="${2:?--address needs an address}"; shift ;;
			--no-java) DC_JAVA=0 ;;
			--with-worker) DC_WITH_WORKER=1 ;;
			-h | --help) dc_usage "$script"; exit 0 ;;
			*) dc_die "unknown option $1 (see --help)" ;;
		esac
		shift
	done
	if [ -n "$DC_ROOT" ]; then
		DC_ROOT="$(realpath -m "$DC_ROOT")"
		[ "$DC_ROOT" != / ] || DC_ROOT=""
	fi
	if [ -z "$DC_ROOT" ] && [ "$DC_DRY" -eq 0 ] && [ "$(id -u)" -ne 0 ]; then
		dc_die "run as root (sudo), or try --dry-run"
	fi
	if [ -n "$DC_CONFIG" ] && [ ! -f "$DC_CONFIG" ]; then
		dc_die "no such file: $DC_CONFIG"
	fi
	DC_NODE_NAME="${DC_NODE_NAME:-$(hostname -s 2>/dev/null || hostname)}"
	DC_ADDRESS="${DC_ADDRESS:-$(hostname -I 2>/dev/null | awk '{print $1}')}"
	DC_ADDRESS="${DC_ADDRESS:-$DC_NODE_NAME}"
}

# The jar of a module: lib/ in a distribution, <module>/target/ in a source checkout.
dc_jar() {
	local module="$1"
	if [ -f "$DC_DIST/lib/$module.jar" ]; then
		printf '%s' "$DC_DIST/lib/$module.jar"
	elif [ -f "$DC_DIST/$module/target/$module.jar" ]; then
		printf '%s' "$DC_DIST/$module/target/$module.jar"
	else
		dc_die "$module.jar not found in $DC_DIST/lib (unpack the whole dispycluster-<version>.tar.gz)"
	fi
}

# Everything this installation copies must be there before anything is changed.
dc_check_dist() {
	local service
	for service in "$@"; do
		dc_jar "$(dc_module_of "$service")" >/dev/null
		[ -f "$DC_DIST/deploy/systemd/dispycluster-$service.service" ] || dc_die "missing deploy/systemd/dispycluster-$service.service in $DC_DIST"
	done
	local file
	for file in deploy/config/dispycluster.yml deploy/config/dispycluster.env deploy/start.sh deploy/stop.sh \
		deploy/check.sh deploy/uninstall.sh; do
		[ -f "$DC_DIST/$file" ] || dc_die "missing $file in $DC_DIST"
	done
}

dc_module_of() {
	case "$1" in
		controller) echo controller-service ;;
		monitoring) echo monitoring-service ;;
		scheduler) echo scheduler-service ;;
		gateway) echo gateway-service ;;
		worker) echo scraper-worker ;;
	esac
}

# Owner and mode of a path, applied only when they differ (never under a root prefix: the user may
# not exist there).
dc_own() {
	local owner="$1" mode="$2" path="$3"
	[ -z "$DC_ROOT" ] || return 0
	[ -e "$path" ] || return 0
	if [ "$(stat -c '%U:%G' "$path")" != "$owner" ]; then
		dc_do "chown $owner $path" chown "$owner" "$path"
	fi
	if [ "$(stat -c '%a' "$path")" != "$mode" ]; then
		dc_do "chmod $mode $path" chmod "$mode" "$path"
	fi
}

dc_dir() {
	local dir="$1" mode="$2" owner="$3"
	if [ ! -d "$DC_ROOT$dir" ]; then
		dc_do "create $dir" install -d -m "$mode" "$DC_ROOT$dir"
	fi
	dc_own "$owner" "$mode" "$DC_ROOT$dir"
}

# A file the distribution owns (jars, units, scripts): replaced when it differs.
dc_file() {
	local src="$1" dest="$2" mode="$3"
	if [ -f "$DC_ROOT$dest" ] && cmp -s "$src" "$DC_ROOT$dest"; then
		if [ "$(stat -c '%a' "$DC_ROOT$dest")" != "$mode" ]; then
			dc_do "chmod $mode $dest" chmod "$mode" "$DC_ROOT$dest"
		fi
		return 1
	fi
	local verb=install
	[ ! -e "$DC_ROOT$dest" ] || verb=update
	dc_do "$verb $dest" install -D -m "$mode" "$src" "$DC_ROOT$dest"
}

# A file the administrator owns (configuration): installed when absent, never overwritten. When the
# installed one differs from this version's, this version's goes beside it as <file>.dist.
dc_config() {
	local src="$1" dest="$2"
	if [ ! -e "$DC_ROOT$dest" ]; then
		dc_do "install $dest" install -D -m 0640 "$src" "$DC_ROOT$dest"
	elif cmp -s "$src" "$DC_ROOT$dest"; then
		:
	elif [ -f "$DC_ROOT$dest.dist" ] && cmp -s "$src" "$DC_ROOT$dest.dist"; then
		dc_say "  kept $dest (yours; this version's is $dest.dist)"
	else
		dc_do "keep $dest (edited) and put this version's beside it: $dest.dist" \
			install -m 0640 "$src" "$DC_ROOT$dest.dist"
	fi
	dc_own "root:$DC_USER" 640 "$DC_ROOT$dest"
}

dc_java_version() {
	local java
	java="$(command -v java 2>/dev/null)" || return 1
	"$java" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1
}

dc_ensure_java() {
	dc_say "Java"
	local version
	version="$(dc_java_version || true)"
	if [ -n "$version" ] && [ "$version" -ge 17 ]; then
		dc_say "  Java $version: $(command -v java)"
		[ -x /usr/bin/java ] || dc_say "  warning: the units run /usr/bin/java, which does not exist"
		return
	fi
	if [ "$DC_JAVA" -eq 0 ]; then
		dc_say "  no Java 17+ found; --no-java: install one yourself (/usr/bin/java)"
		return
	fi
	if [ -n "$DC_ROOT" ] || [ "$DC_DRY" -eq 1 ]; then
		dc_say "  no Java 17+ found: the first of ${DC_JAVA_PACKAGES[*]} that the distribution has is installed"
		dc_system apt-get install -y --no-install-recommends "${DC_JAVA_PACKAGES[0]}"
		return
	fi
	command -v apt-get >/dev/null 2>&1 || dc_die "no Java 17+ and no apt-get: install a JDK 17 or newer, then run this again"
	DEBIAN_FRONTEND=noninteractive apt-get update -qq
	local package
	for package in "${DC_JAVA_PACKAGES[@]}"; do
		if apt-cache policy "$package" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
			dc_do "install $package (apt-get)" env DEBIAN_FRONTEND=noninteractive \
				apt-get install -y -qq --no-install-recommends "$package"
			version="$(dc_java_version || true)"
			[ -n "$version" ] && [ "$version" -ge 17 ] || dc_die "$package installed, but java is still not 17+"
			return
		fi
	done
	dc_die "none of ${DC_JAVA_PACKAGES[*]} is available here: install a JDK 17 or newer, then run this again"
}

dc_ensure_user() {
	dc_say "User"
	if [ -z "$DC_ROOT" ] && id -u "$DC_USER" >/dev/null 2>&1; then
		dc_say "  user $DC_USER exists"
		return
	fi
	dc_system useradd --system --user-group --home-dir "$DC_DATA" --no-create-home \
		--shell /usr/sbin/nologin --comment "DispyCluster services" "$DC_USER"
}

dc_install_layout() {
	dc_say "Directories"
	dc_dir "$DC_OPT" 755 root:root
	dc_dir "$DC_ETC" 750 "root:$DC_USER"
	dc_dir "$DC_DATA" 750 "$DC_USER:$DC_USER"
}

dc_install_jars() {
	dc_say "Programs ($DC_OPT)"
	local service module
	for service in "$@"; do
		module="$(dc_module_of "$service")"
		dc_file "$(dc_jar "$module")" "$DC_OPT/$module.jar" 644 || true
	done
	local script
	for script in start stop check uninstall; do
		dc_file "$DC_DIST/deploy/$script.sh" "$DC_OPT/bin/$script.sh" 755 || true
	done
	local tree file
	for tree in docs deploy/nginx deploy/prometheus deploy/grafana; do
		[ -d "$DC_DIST/$tree" ] || continue
		while IFS= read -r file; do
			dc_file "$DC_DIST/$tree/$file" "$DC_OPT/${tree#deploy/}/$file" 644 || true
		done < <(cd "$DC_DIST/$tree" && find . -type f ! -name '*.orig' | sed 's|^\./||' | sort)
	done
}

dc_install_config() {
	dc_say "Configuration ($DC_ETC)"
	local yml="${DC_CONFIG:-$DC_DIST/deploy/config/dispycluster.yml}"
	dc_config "$yml" "$DC_ETC/dispycluster.yml"
	local env
	env="$(mktemp)"
	sed -e "s|@NODE_NAME@|$DC_NODE_NAME|g" -e "s|@NODE_ADDRESS@|$DC_ADDRESS|g" \
		"$DC_DIST/deploy/config/dispycluster.env" >"$env"
	dc_config "$env" "$DC_ETC/dispycluster.env"
	rm -f "$env"
}

dc_install_units() {
	dc_say "systemd units ($DC_UNITS)"
	local service
	for service in "$@"; do
		if dc_file "$DC_DIST/deploy/systemd/dispycluster-$service.service" \
			"$DC_UNITS/dispycluster-$service.service" 644; then
			DC_UNITS_CHANGED=1
		fi
	done
	if [ "$DC_UNITS_CHANGED" -eq 1 ]; then
		dc_system systemctl daemon-reload
	fi
	for service in "$@"; do
		if [ -z "$DC_ROOT" ] && systemctl is-enabled --quiet "dispycluster-$service" 2>/dev/null; then
			continue
		fi
		dc_system systemctl enable "dispycluster-$service.service"
	done
}

dc_version() {
	if [ -f "$DC_DIST/VERSION" ]; then
		cat "$DC_DIST/VERSION"
	else
		sed -n 's|^\t<version>\(.*\)</version>$|\1|p' "$DC_DIST/pom.xml" 2>/dev/null | head -n 1
	fi
}

# dc_main ROLE ARGS...: the whole installation of a master or a node.
dc_main() {
	local role="$1" script="$2"
	shift 2
	dc_parse_args "$script" "$@"
	local services=(worker)
	if [ "$role" = master ]; then
		services=(controller monitoring scheduler gateway)
		[ "$DC_WITH_WORKER" -eq 0 ] || services+=(worker)
	fi
	local mode=""
	[ "$DC_DRY" -eq 0 ] || mode=" (dry run: nothing is changed)"
	dc_say "Installing DispyCluster $(dc_version) ($role: ${services[*]})${DC_ROOT:+ under $DC_ROOT}$mode"
	dc_check_dist "${services[@]}"
	[ -z "$DC_ROOT" ] || [ "$DC_DRY" -eq 1 ] || mkdir -p "$DC_ROOT"
	dc_ensure_java
	dc_ensure_user
	dc_install_layout
	dc_install_jars "${services[@]}"
	dc_install_config
	dc_install_units "${services[@]}"
	if [ "$DC_CHANGES" -eq 0 ]; then
		dc_say "Nothing to do: DispyCluster is installed and up to date."
	elif [ "$DC_DRY" -eq 1 ]; then
		dc_say "$DC_CHANGES change(s) would be made."
	else
		dc_say "$DC_CHANGES change(s) made."
	fi
	[ "$DC_DRY" -eq 1 ] || dc_next_steps "$role"
}

dc_next_steps() {
	[ "$DC_CHANGES" -gt 0 ] || return 0
	cat <<EOF

Next:
  1. Edit $DC_ETC/dispycluster.yml (the same file on every machine: node inventory, API keys, internal
     token) and $DC_ETC/dispycluster.env (this machine: profile, database password, worker name).
EOF
	if [ "$1" = master ]; then
		cat <<EOF
  2. Production: create the PostgreSQL database (docs/operations.md).
  3. Start and check:  sudo $DC_OPT/bin/start.sh && $DC_OPT/bin/check.sh
EOF
	else
		cat <<EOF
  2. Start and check:  sudo $DC_OPT/bin/start.sh && $DC_OPT/bin/check.sh
EOF
	fi
	dc_say "Logs: journalctl -u 'dispycluster-*' -f"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	dc_main node "$0" "$@"
fi
