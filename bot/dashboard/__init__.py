"""The clinic's dashboard: how the assistant does, in counts only.

- `summary`: one row per conversation session from its events (pure), written with the
  session's events by the tracker store (`record`), or rebuilt from the events table;
- `figures`: the dashboard's numbers for a period from those rows (pure), small counts hidden;
- `charts`: the numbers as SVG drawn on the server (no script, no CDN).
"""
