"""The C views (services/arabic/_cviews.c) give the text and the runs of the Python views, for every option.

Never skipped: with a current compiled build the C module it serves is tested (and must be there); without
one (an edit since the build, MARSAD_NATIVE=0) the C source on disk is compiled into a temporary directory
and tested, so a missing compiler fails here as `make test` would.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import pickle
import re
from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.normalize_bench import CORPORA, corpus
from schemas.normalized import NormalizedArticle, OffsetMap
from schemas.raw import IngestMetadata, RawArticle
from services import native
from services.arabic import charsets as cs
from services.arabic import cviews, fold, normalize_article, offsets
from services.arabic.offsets import Run, apply_edits, python_compose
from services.arabic.options import FoldOptions, match_table
from services.arabic.presentation import presentation_table
from services.extraction import extract_events
from tests.paths import REPO, SEED_FILES

CLEAN_FIELDS = ("invisibles", "presentation_forms", "compose_hamza", "digits", "quotes", "dashes", "spaces")
MATCH_FIELDS = tuple(f.name for f in fields(FoldOptions) if f.name not in CLEAN_FIELDS)
ALL_ON = FoldOptions()
ALL_OFF = FoldOptions(**{f.name: False for f in fields(FoldOptions)})
ONE_OFF = [replace(ALL_ON, **{f.name: False}) for f in fields(FoldOptions)]
ONE_ON = [replace(ALL_OFF, **{f.name: True}) for f in fields(FoldOptions)]


def _compiled_in(tmp_dir: Path) -> ModuleType:
    modules = native.compile_extensions(native.c_extensions(native.compiled_sources()), tmp_dir)
    spec = importlib.util.spec_from_file_location(native.C_VIEWS_MODULE, tmp_dir / modules[native.C_VIEWS_MODULE])
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def c_views(tmp_path_factory: pytest.TempPathFactory) -> cviews.CViews:
    if native.STATUS.enabled:
        assert fold.C_VIEWS is not None, "the compiled build is current but serves no C views"
        return fold.C_VIEWS
    return cviews.CViews(_compiled_in(tmp_path_factory.mktemp("cviews")))


def test_the_views_run_in_c_exactly_when_the_compiled_build_is_current() -> None:
    assert (fold.C_VIEWS is not None) == native.STATUS.enabled == native.STATUS.c_views
    assert ("C views active" in native.STATUS.line()) == native.STATUS.enabled


def assert_same_pair(
    c_pair: tuple[str, Sequence[Run]], python_pair: tuple[str, Sequence[Run]], context: object
) -> None:
    """Same text, and runs that list as the Python ones and compare equal to them as they come."""
    assert c_pair[0] == python_pair[0], context
    assert list(c_pair[1]) == python_pair[1], context
    assert c_pair[1] == python_pair[1] and c_pair == python_pair, context


def assert_same_views(c_views: cviews.CViews, text: str, options: FoldOptions) -> None:
    context = (text[:80], options)
    clean = fold.python_clean_view(text, options)
    c_clean = c_views.clean_view(text, options)
    assert_same_pair(c_clean, clean, context)
    match = fold.python_match_view(clean[0], options)
    c_match = c_views.match_view(clean[0], options)
    assert_same_pair(c_match, match, context)
    if match[1]:  # the match view back to the raw text, as normalize_article composes it (the C runs as they come)
        composed = python_compose(match[1], clean[1])
        assert list(c_views.compose(c_match[1], c_clean[1]) or ()) == composed, context
        assert c_views.compose(match[1], clean[1]) == composed, context  # lists of tuples in
    # match_view takes any text, not only a clean one (its space pass then depends on what was deleted)
    assert_same_pair(c_views.match_view(text, options), fold.python_match_view(text, options), context)


def corpus_texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in SEED_FILES]
    for folder in sorted((REPO / "tests" / "fixtures").glob("devset*")):
        texts += [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    for variants in CORPORA.values():
        texts += corpus(variants)
    return texts


def test_seeds_dev_sets_and_bench_corpora(c_views: cviews.CViews) -> None:
    texts = corpus_texts()
    assert len(texts) > 100
    for options in [ALL_ON, ALL_OFF, *ONE_OFF, *ONE_ON]:
        for text in texts:
            assert_same_views(c_views, text, options)


ALPHABET = sorted(
    set(cs.SPACES)
    | set(cs.DIGITS)
    | set(cs.QUOTES)
    | set(cs.DASHES)
    | set(match_table(ALL_ON))
    | set(cs.HAMZA_BASES + cs.MADDA_ABOVE + cs.HAMZA_ABOVE + cs.HAMZA_BELOW + cs.TATWEEL)
    | {chr(code) for code in cviews.members(cs.DIACRITICS)}
    | {chr(code) for code in sorted(cviews.members(cs.INVISIBLES))[::40]}
    | set(sorted(presentation_table())[::15])
    | {"\ufdfa", "\ufefb", "\ufe70", "\ufc5e", "\ufb4f", "\ufeff", "\ufdff", "\ufefe"}
    | {chr(0xD800), chr(0xDBFF), chr(0xDC00), chr(0xDFFF), "\x00", "\U0001f600", "\U00010000", "\U0010ffff"}
    | set(" \n  \n\nab1.,-")
    | {chr(code) for code in range(0x0621, 0x064B)}
)
texts = st.lists(st.one_of(st.sampled_from(ALPHABET), st.characters()), max_size=60).map("".join)
options = st.builds(FoldOptions, **{f.name: st.booleans() for f in fields(FoldOptions)})


@settings(max_examples=1500, deadline=None)
@given(texts, options)
def test_arbitrary_text_and_options(c_views: cviews.CViews, text: str, options: FoldOptions) -> None:
    assert_same_views(c_views, text, options)


# Longer texts: the fused scans work in blocks of a few dozen code points (_cviews.c SPECULATIVE), written
# as they come while nothing needs a run, so plain words with a space run, a deletion or an expansion now and
# then have to put those at every position of a block and at its edges.
segments = st.tuples(
    st.text(alphabet="\u0628\u062a\u0627az1", max_size=40),
    st.text(alphabet=" \n", max_size=3),
    st.sampled_from(["", "", "", *ALPHABET]),
)
long_texts = st.lists(segments, max_size=24).map(lambda parts: "".join(a + b + c for a, b, c in parts))


@settings(max_examples=1500, deadline=None)
@given(long_texts, options)
def test_arbitrary_long_text_and_options(c_views: cviews.CViews, text: str, options: FoldOptions) -> None:
    assert_same_views(c_views, text, options)


SAMPLE = "".join(ALPHABET) + "  \n\n ".join(ALPHABET[::-3]) + " " + "ـ ".join(ALPHABET[::7])


def test_every_combination_of_the_options_each_view_reads(c_views: cviews.CViews) -> None:
    """The clean view reads the seven clean options, the match view the eight match options and `spaces`."""
    text = SAMPLE + SEED_FILES[0].read_text(encoding="utf-8")[:2000]
    for values in itertools.product((False, True), repeat=len(CLEAN_FIELDS)):
        options = replace(ALL_ON, **dict(zip(CLEAN_FIELDS, values, strict=True)))
        assert c_views.clean_view(text, options) == fold.python_clean_view(text, options), options
    clean = fold.python_clean_view(text)[0]
    for values in itertools.product((False, True), repeat=len(MATCH_FIELDS) + 1):
        options = replace(ALL_ON, **dict(zip((*MATCH_FIELDS, "spaces"), values, strict=True)))
        for view_input in (clean, text):
            assert c_views.match_view(view_input, options) == fold.python_match_view(view_input, options), options


@pytest.mark.parametrize("kind", ["latin1", "ucs2", "ucs4", "vocalised", "pdf"])
def test_one_megabyte_texts_of_every_str_kind(c_views: cviews.CViews, kind: str) -> None:
    seed = SEED_FILES[0].read_text(encoding="utf-8")
    base = {
        "latin1": "Caf\xe9  \t\x00 na\xefve\r\n\xa0",
        "ucs2": seed,
        "ucs4": seed[:500] + "\U0001f600\u064e" + chr(0xD800),
        "vocalised": corpus(CORPORA["stress"][:1])[0],
        "pdf": corpus(CORPORA["stress"][1:])[0],
    }[kind]
    text = base * (1_000_000 // len(base.encode("utf-8", "surrogatepass")) + 1)
    assert_same_views(c_views, text, ALL_ON)


def test_empty_and_unchanged_texts(c_views: cviews.CViews) -> None:
    for options in (ALL_ON, ALL_OFF):
        for text in ("", " ", "\n", "\u200b", "\u064e", "ـ", "plain text", "نص"):
            assert_same_views(c_views, text, options)


def test_bad_arguments_raise_instead_of_crashing(c_views: cviews.CViews) -> None:
    module = c_views.module
    tables = module.tables([], [], [], True)
    with pytest.raises(TypeError):
        module.clean_view(b"bytes", tables)
    with pytest.raises(TypeError):
        module.match_view("text", object())
    with pytest.raises(TypeError):
        module.clean_view("text")
    with pytest.raises(ValueError):
        module.tables([(0x110000, cviews.FOLD, 0x41, 0)], [], [], True)
    with pytest.raises(ValueError):
        module.tables([(0x41, cviews.EXPAND, 0, 0)], [], [], True)
    with pytest.raises(ValueError):
        module.tables([(0x41, cviews.EXPAND, 0, 1)], ["x"], [], True)
    with pytest.raises(ValueError, match="neither a gate nor a fold"):
        module.tables([(0x41, cviews.DELETE, 0, 0)], [], [], True)
    with pytest.raises(TypeError):
        module.tables([(0x41, cviews.FOLD)], [], [], True)
    with pytest.raises(TypeError):
        module.tables([], [b"x"], [], True)
    with pytest.raises(TypeError):
        module.Tables()


def test_an_empty_expansion_is_a_deletion(c_views: cviews.CViews) -> None:
    """apply_edits makes no difference between the two; the fused clean scan must not let an empty expansion
    end a space run either, and the match view reads no expansion (no table of ours has one: built by hand)."""
    module = c_views.module
    expanded = module.tables([(0x41, cviews.EXPAND | cviews.GATE, 0, 0)], [""], [], True)
    deleted = module.tables([(0x41, cviews.DELETE | cviews.GATE, 0, 0)], [], [], True)
    for text in ("x A  y", "A x", "x  A", " A y", "x A\nA y"):
        assert module.clean_view(text, expanded) == module.clean_view(text, deleted), text
        assert module.match_view(text, expanded) == (text, [(0, 0, len(text), len(text))]), text  # never read


def test_a_fold_that_feeds_another_pass_is_refused() -> None:
    """The C passes rely on what test_fast_paths pins for the Python ones: no fold produces a code point
    another pass reads; the glue checks it again when it builds the tables."""
    with pytest.raises(ValueError, match="another pass"):
        cviews._entries({0x41: cviews.FOLD, 0x42: cviews.DELETE}, {"A": "B"}, {})
    with pytest.raises(ValueError, match="one code point"):
        cviews._entries({0x41: cviews.FOLD}, {"A": "BC"}, {})


@pytest.mark.parametrize("marks", [99, 100, 101, 102])
def test_the_many_deletions_threshold_of_the_match_views_space_pass(c_views: cviews.CViews, marks: int) -> None:
    # past 100 deleted code points the match view settles spaces it did not unsettle (a text not clean)
    for text in ("ا  ب" + "ب\u064e" * marks, "ب\u064e" * marks + "\n\nا", " " + "ـ" * marks):
        assert_same_views(c_views, text, ALL_ON)


edit_lists = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 3), st.sampled_from(["", "x", "yz", "abc"])), max_size=10
)


def as_edits(length: int, picks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, str]] = []
    for start, size, replacement in sorted(picks):
        if start >= length or (edits and start < edits[-1][1]):
            continue
        edits.append((start, min(start + size, length), replacement))
    return edits


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="abcdef", min_size=1, max_size=40), edit_lists, edit_lists)
def test_compose_of_arbitrary_edits(
    c_views: cviews.CViews, raw: str, first: list[tuple[int, int, str]], second: list[tuple[int, int, str]]
) -> None:
    middle, inner = apply_edits(raw, as_edits(len(raw), first))
    _, outer = apply_edits(middle, as_edits(len(middle), second))
    if inner:
        composed = python_compose(outer, inner)
        assert c_views.compose(outer, inner) == composed
        run_array = c_views.module.RunArray
        assert list(c_views.compose(run_array(outer), run_array(inner)) or ()) == composed
        assert list(c_views.compose(outer, run_array(inner)) or ()) == composed
        assert c_views.columns(run_array(composed)) == offsets.columns(tuple(composed))


def test_compose_leaves_runs_it_does_not_take_to_python(c_views: cviews.CViews) -> None:
    inner = [(0, 0, 2, 3), (2, 5, 4, 4)]
    assert c_views.compose([(0, 0, 6, 6)], inner) == python_compose([(0, 0, 6, 6)], inner)
    outer_past_the_end = [(0, 0, 9, 9)]
    assert c_views.compose(outer_past_the_end, inner) is None
    assert c_views.compose([(0, 0, 1, 1)], []) is None
    assert c_views.compose([(0, 0, 1, True)], inner) is None
    assert c_views.compose([(0, 0, 1, 2**70)], inner) is None
    assert c_views.compose([(0, 0, -1, 1)], inner) is None
    assert c_views.module.compose([[0, 0, 1, 1]], inner) is None
    identity = [(0, 0, 6, 6)]
    outer = [(0, 0, 1, 2)]
    assert c_views.compose(outer, identity) is outer


def test_class_members_are_what_re_matches() -> None:
    for chars in (cs.INVISIBLES, cs.PRESENTATION_FORMS, cs.DIACRITICS + cs.TATWEEL, "a-c-", "-x"):
        pattern = re.compile(f"[{chars}]")
        codes = [*range(0x10000), 0x10000, 0x1F600, 0x10FFFF]
        expected = {code for code in codes if pattern.match(chr(code))}
        assert cviews.members(chars) == expected
    for unsupported in ("\\d", "^a"):
        with pytest.raises(ValueError):
            cviews.members(unsupported)


def test_run_arrays_are_sequences_of_run_tuples(c_views: cviews.CViews) -> None:
    runs = [(0, 0, 3, 3), (3, 4, 1, 2), (4, 7, 70000, 70000)]  # an offset past the shared small ints too
    array: Any = c_views.module.RunArray(runs)  # typed by hand: mypy narrows a Sequence on ==
    assert len(array) == 3 and bool(array) and not c_views.module.RunArray([])
    assert (
        [array[i] for i in range(3)] == runs and list(array) == runs and c_views.module.RunArray(runs).tolist() == runs
    )
    assert array[-1] == runs[-1] and type(array[0]) is tuple
    assert list(array[1:]) == runs[1:] and list(array[::-2]) == runs[::-2] and list(array[5:]) == []
    with pytest.raises(IndexError):
        array[3]
    with pytest.raises(IndexError):
        array[-4]
    with pytest.raises(TypeError):
        array["0"]
    assert isinstance(array, Sequence)
    assert array != "runs" and array != tuple(runs)  # as a list is not a tuple
    assert array == runs and runs == array and array == c_views.module.RunArray(runs)
    assert array != runs[:2] and runs[:2] != array and array != [*runs, (0, 0, 0, 0)]
    assert array != c_views.module.RunArray(runs[:2])
    assert array != [(0, 0, 3, 3), (3, 4, 1, 2), (4, 7, 70000, 70001)] and array != [(0, 0, 3, 3), 1, 2]
    assert array != [[0, 0, 3, 3], *runs[1:]] and runs != [[0, 0, 3, 3], *runs[1:]]  # a list is not a tuple
    assert repr(array) == f"RunArray({runs!r})"
    with pytest.raises(TypeError):
        hash(array)
    for bad in ([(0, 0, 1)], [(0, 0, 1, -1)], [(0, 0, 1, 2**70)], "runs", [[0, 0, 1, 1]]):
        with pytest.raises(TypeError):
            c_views.module.RunArray(bad)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):  # a list of tuples on the other side
        restored = pickle.loads(pickle.dumps(array, protocol))
        assert type(restored) is list and restored == runs


def test_columns_read_run_arrays_and_lists_alike(c_views: cviews.CViews) -> None:
    runs = [(0, 0, 3, 3), (3, 4, 1, 2), (4, 7, 70000, 70000), (70004, 70009, 2**40, 2**40)]  # past the shared ints
    expected = ([0, 3, 4, 70004], [0, 4, 7, 70009], [3, 1, 70000, 2**40], [3, 2, 70000, 2**40])
    array = c_views.module.RunArray(runs)
    assert c_views.columns(array) == c_views.columns(runs) == expected
    assert c_views.columns(c_views.module.RunArray([])) == c_views.columns([]) == ([], [], [], [])
    for not_taken in ([(0, 0, 1)], [(0, 0, 1, -1)], [(0, 0, 1, True)], [[0, 0, 1, 1]], tuple(runs), "runs"):
        assert c_views.columns(not_taken) is None  # type: ignore[arg-type]
    assert offsets.columns(tuple(runs)) == offsets.columns(array) == expected  # tuple: read in Python


def published(article: NormalizedArticle, maps: Callable[[Sequence[Run]], Sequence[Run]]) -> NormalizedArticle:
    """`article` with its two offset maps holding `maps` of their runs (constructed, as normalize_article does)."""
    return article.model_copy(
        update={
            name: OffsetMap.model_construct(segments=maps(getattr(article, name).segments))
            for name in ("clean_to_raw", "match_to_raw")
        }
    )


@pytest.mark.parametrize("seed", SEED_FILES[:3], ids=lambda path: path.stem)
def test_maps_held_as_run_arrays_publish_and_extract_as_lists(c_views: cviews.CViews, seed: Path) -> None:
    """normalize_article publishes the C views' RunArrays as they come: the article dumps, validates back,
    pickles (as lists) and extracts exactly as the same article holding lists of tuples."""
    text = seed.read_text(encoding="utf-8")
    fetched = datetime.now(UTC)
    raw = RawArticle(article_id="a", source="s", text=text, fetched_at=fetched, ingest=IngestMetadata(channel="cli"))
    article = normalize_article(raw)
    assert isinstance(article, NormalizedArticle)
    held = {type(omap.segments) for omap in (article.clean_to_raw, article.match_to_raw)}
    assert held <= {c_views.module.RunArray, list}  # a list where Python composed the runs (cut lines)
    as_lists, as_arrays = published(article, list), published(article, c_views.module.RunArray)
    assert type(as_arrays.clean_to_raw.segments) is c_views.module.RunArray
    assert as_arrays == as_lists == article
    dumped = as_lists.model_dump_json()
    assert as_arrays.model_dump_json() == article.model_dump_json() == dumped
    assert as_arrays.model_dump() == as_lists.model_dump() and as_arrays.model_dump(mode="json") == json.loads(dumped)
    assert type(as_arrays.model_dump()["clean_to_raw"]["segments"]) is list
    validated = NormalizedArticle.model_validate_json(dumped)
    assert validated == as_lists and type(validated.clean_to_raw.segments) is list
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        restored = pickle.loads(pickle.dumps(as_arrays, protocol))
        assert restored == as_lists and type(restored.match_to_raw.segments) is list
    assert extract_events(as_arrays) == extract_events(as_lists)


@pytest.mark.skipif(not native.STATUS.enabled, reason="plain Python: the views give lists")
def test_normalize_article_publishes_the_c_views_runs_unlisted() -> None:
    """Nothing lists the runs on the way: both maps hold what the C views and `compose` return."""
    text = "قالَ وزيرُ الخارجيةِ إنّ المحادثاتِ ستُستأنفُ في القاهرة  الأسبوعَ \ufefb المقبلَ.\n" * 3
    fetched = datetime.now(UTC)
    raw = RawArticle(article_id="a", source="s", text=text, fetched_at=fetched, ingest=IngestMetadata(channel="cli"))
    article = normalize_article(raw)
    assert isinstance(article, NormalizedArticle)
    assert fold.C_VIEWS is not None
    run_array = fold.C_VIEWS.module.RunArray
    assert type(article.clean_to_raw.segments) is run_array and type(article.match_to_raw.segments) is run_array
    assert len(article.clean_to_raw.segments) > 1 and len(article.match_to_raw.segments) > 1
