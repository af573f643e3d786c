#!/usr/bin/env bash
# Debian packages the tests and servers need (headless Chromium for the web pages,
# PostgreSQL, Redis and nginx for the multi-machine setup in docs/deploy.md). Installs only
# what is missing; `apt-get update` runs once, and only when something is missing.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/pg_ctl ] || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/sbin/nginx ] || need+=(nginx)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "Installing Debian packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# The packaged servers must not keep running: tests start their own on 127.0.0.1.
for service in postgresql redis-server nginx; do
  $SUDO service "$service" stop >/dev/null 2>&1 || true
  $SUDO systemctl disable "$service" >/dev/null 2>&1 || true
done
