"""The Rasa action server: thin adapters that read the tracker, call `bot`, return events."""
