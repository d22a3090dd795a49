"""The ingest gateway: upstream feeds POST RawArticles over HTTP; validated, published to the raw topic.

It lives inside `services.scraper` as the STYLE layout places it ("feeds and pages -> RawArticle -> raw
topic; ingest gateway"): both are the ingest edge of Marsad and share the ops HTTP surface
(`services.scraper.web`: /metrics, /healthz, /readyz on uvicorn), but the gateway imports nothing of the
fetching, parsing or state code, so it runs as its own small process (`marsad gateway`).
"""
