"""Ingest sources beyond JSON Lines: RSS/Atom feeds and saved web pages, and the ledger of what was sent."""
