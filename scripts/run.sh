#!/usr/bin/env bash
# Starts the action server, the Rasa server and the web chat page together; Ctrl-C stops them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD"
# Rasa reports errors and usage to its servers unless told not to: patient data stays here.
export RASA_TELEMETRY_ENABLED=false

HOST=${RASA_HOST:-127.0.0.1}          # a clinic's reverse proxy publishes the webhook
PORT=${RASA_PORT:-5005}
ACTIONS_PORT=${ACTIONS_PORT:-5055}
# The action server answers only the Rasa server beside it: reachable from the network, anyone
# could run the actions with a made-up conversation (and file booking requests).
ACTIONS_HOST=${ACTIONS_HOST:-127.0.0.1}
mkdir -p var && chmod 700 var
umask 077  # conversation databases and logs: readable by the service account only

# Rasa's HTTP API (--enable-api) needs this token; it is never committed.
if [ -z "${RASA_AUTH_TOKEN:-}" ]; then
  [ -s var/api-token ] || (umask 077 && .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))' > var/api-token)
  RASA_AUTH_TOKEN=$(cat var/api-token)
fi

# Channels: REST and web chat always; Telegram, Twilio, Messenger and Slack when their
# environment variables are set (one line each says which). Secrets stay in the environment.
.venv/bin/python -m bot.channels --out var/credentials.yml
WEB_HOST=${WEB_HOST:-$HOST}
WEB_PORT=${WEB_PORT:-8088}
# Page origins allowed to call Rasa over HTTP (the widget's socket.io long-polling fallback);
# a clinic sets RASA_CORS to its site, e.g. "https://www.example-clinic.org".
read -r -a cors <<< "${RASA_CORS:-http://127.0.0.1:$WEB_PORT http://localhost:$WEB_PORT}"

# One database for conversations (Rasa's tracker store), bookings, staff users and the audit
# log: var/clinic.db, or PostgreSQL when DB_URL is set. Migrate it first (keeps every row),
# then point Rasa's endpoints at it (var/endpoints.yml, written from endpoints.yml).
.venv/bin/python -m bot db upgrade
.venv/bin/python -m bot endpoints --out var/endpoints.yml
STAFF_HOST=${STAFF_HOST:-127.0.0.1}   # staff page: keep it off the public internet
STAFF_PORT=${STAFF_PORT:-8080}

pids=()
stop() { trap - INT TERM EXIT; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; echo "stopped."; }
trap stop INT TERM EXIT

SANIC_HOST="$ACTIONS_HOST" .venv/bin/python -m bot.serve actions --port "$ACTIONS_PORT" --quiet &
pids+=($!)
# The API token is read by bot.serve from RASA_AUTH_TOKEN / var/api-token: never an argument.
RASA_AUTH_TOKEN="$RASA_AUTH_TOKEN" .venv/bin/python -m bot.serve rasa --model models/current.tar.gz --enable-api \
  --interface "$HOST" --port "$PORT" --endpoints var/endpoints.yml --credentials var/credentials.yml \
  --cors "${cors[@]}" --log-file var/rasa.log &
pids+=($!)
.venv/bin/python -m bot.web --host "$WEB_HOST" --port "$WEB_PORT" --rasa-port "$PORT" &
pids+=($!)
.venv/bin/python -m bot staff serve --host "$STAFF_HOST" --port "$STAFF_PORT" &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/" >/dev/null 2>&1 \
     && curl -fs "http://$ACTIONS_HOST:$ACTIONS_PORT/health" >/dev/null 2>&1 \
     && curl -fs "http://$WEB_HOST:$WEB_PORT/healthz" >/dev/null 2>&1 \
     && curl -fs "http://$STAFF_HOST:$STAFF_PORT/health" >/dev/null 2>&1; then
    cat <<MSG

  The assistant is ready.
  Web chat:     http://$WEB_HOST:$WEB_PORT/  (a demo clinic page with the chat open)
  Talk to it:   curl -s -X POST http://$HOST:$PORT/webhooks/rest/webhook \\
                  -H 'Content-Type: application/json' -d '{"sender": "me", "message": "hello"}'
  Or in a shell: .venv/bin/rasa shell (in another terminal)
  Rasa API token (for /conversations/... and /status): var/api-token
  Staff review: http://$STAFF_HOST:$STAFF_PORT/  (transcripts, requests to follow up; first
                create an account: .venv/bin/python -m bot staff add-user NAME --admin)
  Ctrl-C stops all the servers.

MSG
    break
  fi
  sleep 1
done
wait -n "${pids[@]}"
