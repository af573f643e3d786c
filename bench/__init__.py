"""`make bench`: this assistant beside the one `rasa init` generates, measured in one run.

Training, cold start, memory, one conversation's latency, 50 concurrent conversations over the
REST channel, the same load over 1 / 1,000 / 10,000 stored conversations (SQLite and
PostgreSQL), and two servers behind a proxy when the cluster launcher is there. Everything
runs on 127.0.0.1 with free ports; figures go to reports/bench.md and reports/bench.json.
Not part of `make test` (tests/integration/test_bench.py checks the load client and the report's keys).
"""
