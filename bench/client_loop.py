"""The client ceiling: a plain aiokafka consume -> produce loop (`python -m bench.client_loop ...`).

One consumer in a group (auto-commit) and one producer (acks=all, as Faust's); each fetched batch is sent
on and its acknowledgements awaited before the next fetch, so in-flight data stays bounded. SIGTERM stops it.
"""

from __future__ import annotations

import argparse
import asyncio
import signal

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer


async def forward(args: argparse.Namespace, stop: asyncio.Event) -> None:
    consumer = AIOKafkaConsumer(
        args.source,
        bootstrap_servers=args.bootstrap,
        group_id=args.group,
        auto_offset_reset="earliest",
        enable_auto_commit=True,
        max_partition_fetch_bytes=17 * 1024 * 1024,
        fetch_max_bytes=64 * 1024 * 1024,
    )
    producer = AIOKafkaProducer(bootstrap_servers=args.bootstrap, acks="all", max_request_size=17 * 1024 * 1024)
    await consumer.start()
    await producer.start()
    try:
        while not stop.is_set():
            batches = await consumer.getmany(timeout_ms=200, max_records=1000)
            futures = [
                await producer.send(args.sink, key=message.key, value=message.value)
                for messages in batches.values()
                for message in messages
            ]
            if futures:
                await asyncio.gather(*futures)
    finally:
        await producer.stop()
        await consumer.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--group", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--sink", required=True)
    args = parser.parse_args()

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await forward(args, stop)

    asyncio.run(run())


if __name__ == "__main__":
    main()
