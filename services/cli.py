"""The `marsad` command: argument parsing and dispatch. User mistakes print one line and exit 2."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from services.commands import UserError
from services.localkafka.broker import BrokerError
from services.localkafka.jars import JarsError
from services.settings import Settings, load_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marsad", description="Arabic news in, diplomatic events out.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("worker", help="run the stream worker (Faust)")
    publish = sub.add_parser("publish", help="validate and publish .txt articles or JSONL of RawArticle")
    publish.add_argument("files", nargs="+", type=Path)
    tail = sub.add_parser("tail", help="print a topic's messages as JSON lines")
    tail.add_argument("--topic", default="events", help="events, normalized, deadletter, raw or a topic name")
    tail.add_argument("--from-beginning", action="store_true")
    tail.add_argument("--max", type=int, default=None, help="stop after N messages")
    tail.add_argument("--idle-timeout", type=float, default=None, help="stop after N seconds without messages")
    extract = sub.add_parser("extract", help="normalise + extract offline (no Kafka), one JSON line per article")
    extract.add_argument("files", nargs="+", type=Path)
    evaluate = sub.add_parser("eval", help="precision/recall of the extractor against gold JSONL files")
    evaluate.add_argument("gold", nargs="+", type=Path, help="one gold.jsonl: its report; several: a table, pooled")
    evaluate.add_argument("--json", type=Path, default=None, help="also write the report as JSON here")
    demo = sub.add_parser("demo", help="local broker + worker + sample articles, events printed live")
    demo.add_argument("--once", action="store_true", help="exit when every sample has been processed")
    demo.add_argument("--duration", type=float, default=None, help="exit after N seconds")
    scrape = sub.add_parser("scrape", help="poll the feeds and pages of a sources config, publish raw articles")
    scrape.add_argument("--config", type=Path, required=True, help="sources file (TOML)")
    scrape.add_argument("--once", action="store_true", help="one polling round over every source, then exit")
    gateway = sub.add_parser("gateway", help="HTTP ingest endpoint for upstream feeds: POST /articles")
    gateway.add_argument("--host", default=None, help="bind address (default from settings)")
    gateway.add_argument("--port", type=int, default=None, help="port (default from settings)")
    kafka = sub.add_parser("kafka", help="a local single-node Kafka for development")
    kafka.add_argument("action", choices=["start", "stop", "status"])
    kafka.add_argument("--data-dir", type=Path, default=Path(".cache") / "kafka")
    native = sub.add_parser("native", help="compile the normaliser and extractor with mypyc, or say which code runs")
    native.add_argument("action", choices=["build", "status"])
    sub.add_parser("topics", help="create Marsad's topics on the configured broker")
    schemas = sub.add_parser("schemas", help="regenerate schemas/json from the pydantic models")
    schemas.add_argument("--check", action="store_true", help="exit 1 if the committed files are stale")
    return parser


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "worker":
        from services.commands import worker

        return worker.run(settings)
    if args.command == "publish":
        from services.commands.inputs import load_articles
        from services.kafkaio.produce import publish_articles

        articles = load_articles(args.files)
        sent = asyncio.run(publish_articles(settings, articles))
        print(f"published {sent} article(s) to {settings.topic_raw}")
        return 0
    if args.command == "tail":
        from services.commands.tail import tail

        asyncio.run(tail(settings, args.topic, args.from_beginning, args.max, args.idle_timeout))
        return 0
    if args.command == "extract":
        from services.commands import extract

        return extract.run(args.files)
    if args.command == "eval" and len(args.gold) > 1:
        from services.commands import scoreboard

        return scoreboard.run(args.gold, args.json)
    if args.command == "eval":
        from services.extraction import evaluate

        return evaluate.main([str(args.gold[0]), *(["--json", str(args.json)] if args.json else [])])
    if args.command == "demo":
        from services.commands import demo

        return demo.run(settings, once=args.once, duration=args.duration)
    if args.command == "scrape":
        from services.commands import scrape

        return scrape.run(settings, args)
    if args.command == "gateway":
        from services.commands import gateway

        return gateway.run(settings, args)
    if args.command == "kafka":
        from services.commands import kafka

        return {"start": kafka.start, "stop": kafka.stop, "status": kafka.status}[args.action](args.data_dir)
    if args.command == "native":
        from services import native

        return native.run_command(args.action)
    if args.command == "topics":
        from services.kafkaio.topics import ensure_topics

        created = asyncio.run(ensure_topics(settings))
        print(f"created: {', '.join(created) or 'none (all exist)'}")
        return 0
    from services.commands import schemas_cmd

    return schemas_cmd.run(check=args.check)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        return _dispatch(args, settings)
    except (UserError, BrokerError, JarsError) as exc:
        print(f"marsad: error: {exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        print(f"marsad: error: invalid settings: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"marsad: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
