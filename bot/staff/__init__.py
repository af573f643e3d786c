"""The staff review tool: a server-rendered web page (FastAPI + Jinja2) behind a login.

Routes (`app.py`), templates and static files live here; every query and the audit call
live in `bot.store`, shared with the command line (`python -m bot ...`). Importing this
package does not import the web framework: the command line uses `labels`, `export` and
`auth` only.
"""
