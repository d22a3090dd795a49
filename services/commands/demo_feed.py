"""How the demo's sample articles enter Marsad: as pages polled by the scraper, and pushed to the gateway.

Arabic samples are served as HTML pages plus an RSS feed on 127.0.0.1 and fetched by a real `marsad scrape
--once` process (page -> scraper -> raw topic); the remaining samples are POSTed to a real `marsad gateway`.
"""

from __future__ import annotations

import csv
import json
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from services.commands import UserError
from services.commands.subprocesses import spawn_marsad, stop_process, wait_http_ok
from services.localkafka.config import free_port
from services.scraper.sample_site import ALLOW_LOOPBACK_ENV, serve_samples


def sample_paths() -> list[Path]:
    folder = resources.files("services.demo") / "samples"
    return sorted(Path(str(item)) for item in folder.iterdir() if item.name.endswith(".txt"))


def sample_titles() -> dict[str, str]:
    with (resources.files("services.demo") / "samples" / "titles.tsv").open(encoding="utf-8") as table:
        return {row["file"]: row["title"] for row in csv.DictReader(table, delimiter="\t")}


def post_to_gateway(url: str, paths: list[Path]) -> list[str]:
    batch = [
        {
            "article_id": f"demo:{path.stem}",
            "source": "demo-push",
            "text": path.read_text(encoding="utf-8"),
            "fetched_at": datetime.now(UTC).isoformat(),
            "ingest": {"channel": "gateway", "agent": "marsad-demo"},
        }
        for path in paths
    ]
    request = urllib.request.Request(
        f"{url}/articles", data=json.dumps(batch).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        answer: dict[str, object] = json.loads(response.read())
    ids = answer.get("article_ids")
    return [str(i) for i in ids] if isinstance(ids, list) else []


@contextmanager
def feeding(env: dict[str, str], workdir: Path) -> Iterator[int]:
    """Run the gateway and the scraper against the sample site; yield how many articles will arrive."""
    titles = sample_titles()
    scraped = [path for path in sample_paths() if path.name in titles]
    pushed = [path for path in sample_paths() if path.name not in titles]
    gateway_port = free_port()
    with ExitStack() as stack:
        site = stack.enter_context(serve_samples([(titles[p.name], p.read_text(encoding="utf-8")) for p in scraped]))
        gateway_env = {**env, "MARSAD_GATEWAY_HOST": "127.0.0.1", "MARSAD_GATEWAY_PORT": str(gateway_port)}
        gateway = spawn_marsad(["gateway"], gateway_env, workdir / "gateway.log")
        stack.callback(stop_process, gateway)
        if not wait_http_ok(f"http://127.0.0.1:{gateway_port}/readyz", timeout=60, process=gateway):
            raise UserError(f"the gateway did not become ready; see {workdir / 'gateway.log'}")
        print(f"gateway ready at http://127.0.0.1:{gateway_port}/articles; sample site at {site.base_url}")
        sources = site.write_sources(workdir / "sources.toml")
        scraper_env = {
            **env,
            **ALLOW_LOOPBACK_ENV,
            "MARSAD_SCRAPER_STATE_PATH": str(workdir / "scraper.sqlite3"),
            "MARSAD_SCRAPER_WEB_PORT": str(free_port()),
            "MARSAD_SCRAPER_PER_HOST_INTERVAL": "0",
        }
        scraper = spawn_marsad(["scrape", "--config", str(sources), "--once"], scraper_env, workdir / "scraper.log")
        stack.callback(stop_process, scraper)
        ids = post_to_gateway(f"http://127.0.0.1:{gateway_port}", pushed)
        print(f"scraper polling {site.feed_url} ({len(scraped)} pages); gateway accepted {len(ids)} pushed article(s)")
        yield len(scraped) + len(pushed)
