"""Article files given to the CLI: .txt and JSONL, and the one-line errors for bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.commands import UserError
from services.commands.inputs import article_id_for, load_articles

ARTICLE = "القاهرة 3/3/2025\nاستقبل الرئيس وزير الخارجية في قصر الاتحادية."


def test_txt_file_becomes_one_article(tmp_path: Path) -> None:
    path = tmp_path / "01 visit.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [article] = load_articles([path])
    assert article.article_id == "file:01-visit" and article.text == ARTICLE
    assert article.ingest.channel == "cli"


def test_jsonl_lines_are_validated(tmp_path: Path) -> None:
    good = {
        "article_id": "a1",
        "source": "s",
        "text": ARTICLE,
        "fetched_at": "2025-03-03T00:00:00Z",
        "ingest": {"channel": "feed"},
    }
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps(good) + "\n\n" + json.dumps({**good, "article_id": "a2"}) + "\n", encoding="utf-8")
    assert [a.article_id for a in load_articles([path])] == ["a1", "a2"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", "  \n", "the file is empty"),
        ("bad.jsonl", '{"article_id": "a"}\n', "bad.jsonl:1: not a RawArticle"),
        ("broken.jsonl", '{"article_id": \n', "broken.jsonl:1: invalid JSON"),
        ("blank.jsonl", "\n\n", "no articles in the file"),
    ],
)
def test_bad_files_raise_one_line_errors(tmp_path: Path, name: str, content: str | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError) as error:
        load_articles([path])
    assert message in str(error.value) and "\n" not in str(error.value)


def test_non_utf8_file_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "cp1256.txt"
    path.write_bytes("زيارة".encode("cp1256"))
    with pytest.raises(UserError, match="not UTF-8"):
        load_articles([path])


def test_article_ids_are_valid_kafka_keys() -> None:
    assert article_id_for(Path("/x/..weird name!!.txt")) == "file:weird-name"
    assert article_id_for(Path("/x/???.txt")) == "file:article"
