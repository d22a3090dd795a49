"""The ingest gateway: upstream feeds POST RawArticles over HTTP; validated, published to the raw topic.

A room of its own rather than part of `services.scraper`: it is a separate process with a different
failure model (push, client-facing 4xx answers), and shares no fetching, parsing or state code with the
scraper. Both only share the contract (`schemas.raw`) and the producer (`services.kafkaio.produce`).
"""
