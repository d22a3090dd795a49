"""Kafka plumbing shared by the worker, the scraper and the CLI: client options and topic creation."""
