#!/usr/bin/env bash
# Creates .venv from Python 3.10 and installs the locked packages, then builds the offline
# spaCy pipeline Rasa's SpacyNLP loads. Idempotent: re-running does only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3.10}
if ! command -v "$PY" >/dev/null 2>&1 || ! "$PY" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
  echo "error: Python 3.10 is required (Rasa 3.6 does not install on 3.11+)." >&2
  echo "       Install it (e.g. 'pyenv install 3.10.13') or set PYTHON=/path/to/python3.10." >&2
  exit 1
fi

bash scripts/system-deps.sh

stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ requirements/lock.txt -nt "$stamp" ]; then
  [ -x .venv/bin/python ] || "$PY" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade "pip<25" wheel setuptools
  # One request, fully pinned: keeps SQLAlchemy < 1.5 and redis < 5 for Rasa 3.6.
  .venv/bin/python -m pip install --quiet -r requirements/lock.txt
  .venv/bin/python -m pip check
  touch "$stamp"
fi

# spaCy pipeline: blank English + lookup lemmatizer, built locally (no model downloads here).
if [ ! -f .build/spacy_en/config.cfg ]; then
  .venv/bin/python -m bot.nlu.build_spacy .build/spacy_en
fi
# ... and blank Spanish + its lookup lemmatizer, for the Spanish vocabularies (bot/nlu/vocab/es).
if [ ! -f .build/spacy_es/config.cfg ]; then
  .venv/bin/python -m bot.nlu.build_spacy .build/spacy_es es
fi

# Web chat assets (the socket.io client) from the npm registry, exactly as the committed
# web/package-lock.json pins them; `python -m bot.web` serves them (no CDN at run time).
web_stamp=web/node_modules/.installed
if [ ! -f "$web_stamp" ] || [ web/package-lock.json -nt "$web_stamp" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "error: npm is needed for the web chat assets (scripts/system-deps.sh installs nodejs and npm)." >&2
    exit 1
  fi
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
  touch "$web_stamp"
fi
