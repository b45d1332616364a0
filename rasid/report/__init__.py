"""Outputs for people and programs: ``corpus.json``, JSONL, CSV and ``report.html``."""
