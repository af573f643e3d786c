#!/usr/bin/env bash
# Starts the action server and the Rasa server together; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD"
# Rasa reports errors and usage to its servers unless told not to: patient data stays here.
export RASA_TELEMETRY_ENABLED=false

HOST=${RASA_HOST:-127.0.0.1}          # a clinic's reverse proxy publishes the webhook
PORT=${RASA_PORT:-5005}
ACTIONS_PORT=${ACTIONS_PORT:-5055}
mkdir -p var && chmod 700 var
umask 077  # conversation databases and logs: readable by the service account only

# Rasa's HTTP API (--enable-api) needs this token; it is never committed.
if [ -z "${RASA_AUTH_TOKEN:-}" ]; then
  [ -s var/api-token ] || (umask 077 && .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))' > var/api-token)
  RASA_AUTH_TOKEN=$(cat var/api-token)
fi

pids=()
stop() { trap - INT TERM EXIT; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; echo "stopped."; }
trap stop INT TERM EXIT

.venv/bin/rasa run actions --actions actions --port "$ACTIONS_PORT" --quiet &
pids+=($!)
.venv/bin/rasa run --model models/current.tar.gz --enable-api --auth-token "$RASA_AUTH_TOKEN" \
  --interface "$HOST" --port "$PORT" --endpoints endpoints.yml --credentials credentials.yml \
  --log-file var/rasa.log &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/status?token=$RASA_AUTH_TOKEN" >/dev/null 2>&1 \
     && curl -fs "http://127.0.0.1:$ACTIONS_PORT/health" >/dev/null 2>&1; then
    cat <<MSG

  The assistant is ready.
  Talk to it:   curl -s -X POST http://$HOST:$PORT/webhooks/rest/webhook \\
                  -H 'Content-Type: application/json' -d '{"sender": "me", "message": "hello"}'
  Or in a shell: .venv/bin/rasa shell (in another terminal)
  Rasa API token (for /conversations/... and /status): var/api-token
  Ctrl-C stops both servers.

MSG
    break
  fi
  sleep 1
done
wait -n "${pids[@]}"
