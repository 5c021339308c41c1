#!/usr/bin/env bash
# dist.sh: make the distribution tarball, dist/dispycluster-<version>.tar.gz, from a built checkout.
#
#   deploy/src/assembly/dist.sh [REPOSITORY [VERSION [OUTPUT_DIR]]]
#
# Run by "./mvnw -Pdist package" once the five jars are built (and by the deploy tests when no tarball
# was built). The tarball holds one folder, dispycluster-<version>/:
#
#   lib/<module>.jar                 the five services
#   deploy/install-master.sh, install-node.sh, uninstall.sh, start.sh, stop.sh, check.sh
#   deploy/systemd/, deploy/nginx/, deploy/config/, deploy/prometheus/ and deploy/grafana/ when present
#   README.md, docs/, VERSION
#
# Owners, times and order are fixed, so the same sources give the same tarball.
set -euo pipefail

ROOT="$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")/../../..}" && pwd)"
VERSION="${2:-$(sed -n 's|^\t<version>\(.*\)</version>$|\1|p' "$ROOT/pom.xml" | head -n 1)}"
OUT="${3:-$ROOT/dist}"
MODULES=(controller-service monitoring-service scheduler-service gateway-service scraper-worker)
NAME="dispycluster-$VERSION"

die() { printf 'dist: %s\n' "$*" >&2; exit 1; }

[ -n "$VERSION" ] || die "no version found in $ROOT/pom.xml"
for module in "${MODULES[@]}"; do
	[ -f "$ROOT/$module/target/$module.jar" ] || die "$module/target/$module.jar is missing: build the jars first (./mvnw package)"
done

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
top="$stage/$NAME"
mkdir -p "$top/lib" "$top/deploy"
for module in "${MODULES[@]}"; do
	cp "$ROOT/$module/target/$module.jar" "$top/lib/"
done
for script in install-master install-node uninstall start stop check; do
	install -m 0755 "$ROOT/deploy/$script.sh" "$top/deploy/$script.sh"
done
for folder in systemd nginx config prometheus grafana; do
	if [ -d "$ROOT/deploy/$folder" ]; then
		cp -R "$ROOT/deploy/$folder" "$top/deploy/"
	fi
done
cp "$ROOT/README.md" "$top/"
[ ! -d "$ROOT/docs" ] || cp -R "$ROOT/docs" "$top/"
printf '%s\n' "$VERSION" >"$top/VERSION"
find "$top" -type d -exec chmod 0755 {} +
find "$top" -type f ! -name '*.sh' -exec chmod 0644 {} +

mkdir -p "$OUT"
tarball="$OUT/$NAME.tar.gz"
# A fixed time: the last commit's when there is one, so that a rebuild of the same sources is identical.
stamp="$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || echo 0)"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" -C "$stage" -cf - "$NAME" |
	gzip -n >"$tarball.tmp"
mv "$tarball.tmp" "$tarball"
printf 'dist: %s (%s)\n' "$tarball" "$(du -h "$tarball" | cut -f1)"
