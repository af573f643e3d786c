"""Running the assistant on more than one process or machine (docs/deploy.md)."""
