"""Triage assistant for spine and interventional pain clinics: the project's own package.

Pure decision logic (triage level, fitting options, duration parsing), the spaCy-based NLU
components Rasa loads, clinic settings and content loading, storage and the command line.
`bot` never imports from `actions`.
"""
