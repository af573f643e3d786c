"""Tests against real servers: Rasa, the action server, PostgreSQL, Redis, run.sh."""
