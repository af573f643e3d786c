"""Language understanding: patients' own words mapped to the triage contract's values."""
