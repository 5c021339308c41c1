#!/usr/bin/env bash
# install-master.sh: install or upgrade the DispyCluster master: the controller (8081), monitoring (8082),
# scheduler (8083) and gateway (8084), as systemd services.
#
#   sudo ./deploy/install-master.sh [options]      from an unpacked dispycluster-<version>.tar.gz
#
#   --dry-run           print what would be done, change nothing
#   --root DIR          install under DIR instead of / (also DESTDIR=DIR): for tests and images; the
#                       JDK, the user, file ownership and systemctl are then printed, not done
#   --config FILE       the cluster's dispycluster.yml to install; default: the example of this
#                       distribution (deploy/config/dispycluster.yml), to be edited
#   --with-worker       run a scraper worker on the master as well (port 8080)
#   --node-name NAME    that worker's name (default: the short host name)
#   --address ADDR      where the controller reaches that worker (default: the first of hostname -I)
#   --no-java           do not install a JDK even when none is found
#   -h, --help          this text
#
# Java 17+ comes from the distribution's packages when none is found (openjdk-17-jre-headless, or a newer
# one on newer Debian). Programs go to /opt/dispycluster, configuration to /etc/dispycluster, data to
# /var/lib/dispycluster, logs to the journal; the units are enabled, not started (deploy/start.sh).
# Safe to run again: an upgrade is the same command with a newer distribution. A configuration file that
# differs from the one this version ships is never overwritten; the new one goes beside it as <file>.dist.
set -euo pipefail

# shellcheck source=install-node.sh
. "$(dirname "${BASH_SOURCE[0]}")/install-node.sh"

dc_main master "$0" "$@"
