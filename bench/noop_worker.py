"""The framework ceiling: a Faust worker whose agents only forward bytes (`python -m bench.noop_worker ...`).

Built with the same Faust settings as Marsad's worker (raw serialisers, acks=all, memory store, same fetch
and request sizes) so the only difference is the work done per message. `--hops 2` forwards
source -> mid -> sink through two agents, the same shape as Marsad's normalise -> extract.
"""

from __future__ import annotations

import argparse
import logging
from typing import Any

import faust


def build(args: argparse.Namespace) -> faust.App:
    app = faust.App(
        args.group,
        broker=[f"kafka://{host}" for host in args.bootstrap.split(",")],
        key_serializer="raw",
        value_serializer="raw",
        store="memory://",
        autodiscover=False,
        datadir=args.data_dir,
        web_bind="127.0.0.1",
        web_host="127.0.0.1",
        web_port=args.web_port,
        topic_partitions=args.partitions,
        topic_replication_factor=1,
        producer_acks=-1,
        producer_max_request_size=17 * 1024 * 1024,
        consumer_max_fetch_size=17 * 1024 * 1024,
    )
    source = app.topic(args.source, key_type=bytes, value_type=bytes)
    sink = app.topic(args.sink, key_type=bytes, value_type=bytes)
    first_out = app.topic(args.mid, key_type=bytes, value_type=bytes) if args.hops == 2 else sink

    async def forward(stream: Any, out: faust.TopicT) -> None:
        async for event in stream.events():
            await out.send(key=event.message.key, value=event.message.value)

    @app.agent(source, name="forward1")
    async def forward_first(stream: Any) -> None:
        await forward(stream, first_out)

    if args.hops == 2:
        mid = app.topic(args.mid, key_type=bytes, value_type=bytes)

        @app.agent(mid, name="forward2")
        async def forward_second(stream: Any) -> None:
            await forward(stream, sink)

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--group", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--sink", required=True)
    parser.add_argument("--mid", default="")
    parser.add_argument("--hops", type=int, choices=(1, 2), default=1)
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--web-port", type=int, required=True)
    parser.add_argument("--data-dir", required=True)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    worker = faust.Worker(build(args), loglevel="WARNING", redirect_stdouts=False)
    worker.execute_from_commandline()


if __name__ == "__main__":
    main()
