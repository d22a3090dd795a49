"""The scraper agent: feeds and article pages -> RawArticle -> the raw topic, politely and safely."""
