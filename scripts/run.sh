#!/usr/bin/env bash
# Starts the action server, the Rasa server, the web chat page and the staff page under
# supervisord (bot/ops/supervise.py: a server that dies is started again); Ctrl-C stops them.
# The systemd unit (deploy/systemd/clinic-assistant.service) runs this same script.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD"
# Rasa reports errors and usage to its servers unless told not to: patient data stays here.
export RASA_TELEMETRY_ENABLED=false
PY=.venv/bin/python

# Token, generated configs, logs, supervisor socket: var/ (VAR_DIR to put them elsewhere).
export VAR_DIR=${VAR_DIR:-$PWD/var}
mkdir -p "$VAR_DIR" && chmod 700 "$VAR_DIR"
umask 077  # conversation databases and logs: readable by the service account only

# The model, the database file, disk space and the ports, in plain words before anything starts.
$PY -m bot.ops.preflight

# The servers' secrets (Rasa's API token, the REST token, the web session secret, the action
# server's token) come from the environment or files in $VAR_DIR made on first use
# (bot/server_secrets.py); `python -m bot.serve` reads them itself, so none is ever on a
# command line where `ps` shows it. Made here, before the servers start together.
$PY -m bot.server_secrets

# Channels: REST and web chat always; Telegram, Twilio, Messenger and Slack when their
# environment variables are set (one line each says which). Secrets stay in the environment.
$PY -m bot.channels --out "$VAR_DIR/credentials.yml"

# One database for conversations (Rasa's tracker store), bookings, staff users and the audit
# log: var/clinic.db, or PostgreSQL when DB_URL is set. Migrate it first (keeps every row),
# then point Rasa's endpoints at it (endpoints.yml written from endpoints.yml).
$PY -m bot db upgrade
$PY -m bot endpoints --out "$VAR_DIR/endpoints.yml"

# The servers themselves: their commands, logs and restarts are in bot/ops/supervise.py.
exec $PY -m bot.ops.supervise
