# The project's front door: `make run` to talk to the assistant, `make test` to check it.
SHELL := /bin/bash
export PYENV_VERSION ?= 3.10.13
export PYTHONPATH := $(CURDIR)
# Rasa and TensorFlow chatter (and never patient text) stays out of the console.
export TF_CPP_MIN_LOG_LEVEL ?= 3
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1
export RASA_TELEMETRY_ENABLED ?= false

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
MODEL_INPUTS := config.yml domain.yml data/nlu.yml data/rules.yml $(wildcard bot/nlu/*.py bot/dialogue.py)

.PHONY: install system-deps run train test lint fuzz evaluate bench lock clean audit

install: system-deps $(VENV)/.installed .build/spacy_en/config.cfg .build/spacy_es/config.cfg \
  web/node_modules/.installed

# Debian packages the servers and tests need (Chromium, PostgreSQL, Redis, nginx, Node.js):
# checked every time (instant when all are there), so a package added later reaches old clones.
system-deps:
	@bash scripts/system-deps.sh

$(VENV)/.installed .build/spacy_en/config.cfg .build/spacy_es/config.cfg: requirements/lock.txt \
  scripts/install.sh
	@bash scripts/install.sh

# The web chat's npm assets (npm ci from web/package-lock.json), also done by install.sh.
web/node_modules/.installed: web/package-lock.json
	@bash scripts/install.sh

# Trains only when the data, config or the NLU components changed.
models/current.tar.gz: $(MODEL_INPUTS) | install
	@mkdir -p models
	$(RASA) train --fixed-model-name current --out models --quiet
	@touch models/current.tar.gz

train: models/current.tar.gz

run: install models/current.tar.gz
	@bash scripts/run.sh

test: install models/current.tar.gz lint
	$(PY) -m pytest -q tests

# ruff (settings in pyproject.toml): unused or undefined names, import order, style errors.
lint:
	$(VENV)/bin/ruff check .

# The whole bad-input corpus (10,000 messages, tests/fuzz/) through a real server: counts,
# time and every problem found; `make test` sends a 300-message sample of it.
fuzz: install models/current.tar.gz
	$(PY) -m tests.fuzz.runner

# NLU quality on the blind sets (tests/blind, written by helpers who never saw the vocabulary
# or data: reports/blind.md), the two held-out files (never trained on) and a 5-fold
# cross-validation of the training data: reports/nlu.md (the figures the README quotes) and
# reports/rasa-nlu/; the blind off-script turns in whole conversations
# (reports/conversation-blind-latest.json).
evaluate: install models/current.tar.gz
	$(PY) -m bot.evaluate_blind --model models/current.tar.gz --out reports
	$(PY) -m bot.evaluate --model models/current.tar.gz --data tests/nlu/test_nlu.yml \
	  --data tests/nlu/test_nlu_fresh.yml --out reports
	$(RASA) test nlu --model models/current.tar.gz --nlu tests/nlu/test_nlu.yml \
	  --out reports/rasa-nlu/held-out --quiet
	$(RASA) test nlu --model models/current.tar.gz --nlu tests/nlu/test_nlu_fresh.yml \
	  --out reports/rasa-nlu/held-out-fresh --quiet
	$(RASA) test nlu --nlu data/nlu.yml --cross-validation --folds 5 --config config.yml \
	  --out reports/rasa-nlu/cross-validation --quiet
	$(PY) -m bot.evaluate_conversation --label latest

# Speed beside the assistant `rasa init` generates (trained once into .bench/, then cached):
# reports/bench.md and reports/bench.json; not part of `make test`. BENCH_QUICK=1: a short
# smoke run (10 conversations; 1 and 100 stored conversations).
bench: install models/current.tar.gz
	$(PY) -m bench

lock:
	@bash scripts/lock.sh

# Known vulnerabilities of the pinned packages and the decision for each
# (security/decisions.yml); fails only on an undecided one. pip-audit lives in its own venv so
# the app's lock never changes; offline, the committed snapshot security/audit.json is used.
AUDIT_VENV ?= .build/audit-venv
audit: install
	@[ -x $(AUDIT_VENV)/bin/pip-audit ] || { python3.10 -m venv $(AUDIT_VENV) && \
	  $(AUDIT_VENV)/bin/pip install -q -r security/audit-tools.txt; } || \
	  echo "pip-audit could not be installed: using the snapshot"
	$(PY) security/audit.py --pip-audit $(AUDIT_VENV)/bin/pip-audit

clean:
	rm -rf models .build var .pytest_cache
