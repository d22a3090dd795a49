"""The article as the extractor sees it: sentences of folded tokens, every token carrying raw offsets.

Tokens are read from `match_text` (already folded by the normaliser; `match_key` is applied again, it is
idempotent) and mapped to raw offsets through `match_to_raw`; sentences are the normaliser's spans in
`clean_text`, mapped through `clean_to_raw`. Both views thus meet in raw coordinates, which is also what
evidence offsets must be.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from schemas.normalized import NormalizedArticle, OffsetMap
from services.arabic import match_key
from services.arabic.offsets import Columns, columns
from services.extraction.memo import remember

# A word: letters/digits plus Arabic combining marks and tatweel (in case the view still holds them);
# anything else that is not a space is a one-character punctuation token. Every character is thus a space or
# part of a token: the text splits at whitespace (`str.split` and the pattern's `\s` test the same code
# points) into chunks, a chunk of letters and digits only (`str.isalnum`, the pattern's `\w` less `_`) is one
# word, and `findall` tiles any other chunk, so offsets follow from the lengths with no match object per token.
MAX_SENTENCE_TOKENS = 150
_TOKEN = re.compile(r"[\w\u064B-\u0652\u0670\u0640]+|[^\s\w]")
# the characters the word pattern takes that are no letter or digit (`_`, tatweel, the combining marks)
_WORD_EXTRAS = frozenset("_\u0640\u0670\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")


@dataclass(frozen=True, slots=True, init=False)
class Token:
    """One word or punctuation mark (built hundreds of times per article: a native class with a compiled
    `__init__` costs less than a tuple subclass, and its fields read without a lookup)."""

    key: str  # match_key fold of the surface form
    start: int  # raw offsets
    end: int
    at: int  # position in Doc.tokens
    sent: int  # sentence index

    def __init__(self, key: str, start: int, end: int, at: int, sent: int) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "at", at)
        object.__setattr__(self, "sent", sent)


@dataclass(frozen=True, slots=True, init=False)
class Sentence:
    index: int
    text: str  # clean_text slice: letters as written (evidence text)
    raw_start: int
    raw_end: int
    first: int  # token index range [first, last)
    last: int

    # written out: mypyc compiles this one, the dataclass-generated __init__ runs interpreted (~30x slower)
    def __init__(self, index: int, text: str, raw_start: int, raw_end: int, first: int, last: int) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "raw_start", raw_start)
        object.__setattr__(self, "raw_end", raw_end)
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "last", last)


@dataclass(frozen=True, slots=True)
class Doc:
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    clean_text: str
    clean_to_raw: OffsetMap

    def surface(self, raw_start: int, raw_end: int) -> str:
        """The clean-text words covering a raw span (letters as written)."""
        start = _unmap_point(self.clean_to_raw, raw_start)
        end = _unmap_point(self.clean_to_raw, raw_end)
        return self.clean_text[start:end]

    def span_surface(self, first: int, last: int) -> str:
        """Surface of tokens [first, last)."""
        return self.surface(self.tokens[first].start, self.tokens[last - 1].end)

    def sentence_tokens(self, sent: int) -> tuple[Token, ...]:
        s = self.sentences[sent]
        return self.tokens[s.first : s.last]


_FOLDED: dict[str, str] = {}  # word -> match_key(word): news vocabulary repeats heavily
_FOLDED_MAX = 200_000


def _fold_new(word: str) -> str:
    return remember(_FOLDED, word, match_key(word), _FOLDED_MAX)


class _Mapper:
    """Offset map with its runs read as columns (one bisect per lookup)."""

    def __init__(self, omap: OffsetMap) -> None:
        self.omap = omap
        self.columns = _columns(omap)

    def unmap(self, raw: int) -> int:
        return _unmap_point(self.omap, raw)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return _map_point(self.columns, start, is_end=False), _map_point(self.columns, end, is_end=True)


def map_span(omap: OffsetMap, start: int, end: int) -> tuple[int, int]:
    """Map a [start, end) span of a view to raw offsets (runs of unequal length map as a whole)."""
    return _Mapper(omap).span(start, end)


def _map_point(runs: Columns, pos: int, *, is_end: bool) -> int:
    view_starts, raw_starts, view_lens, raw_lens = runs
    if not view_starts:
        return pos
    i = bisect.bisect_right(view_starts, pos) - 1
    if is_end and i > 0 and pos == view_starts[i]:
        i -= 1  # an end offset at a run boundary belongs to the run before it
    if i < 0:
        return raw_starts[0]
    view_start, raw_start, view_len, raw_len = view_starts[i], raw_starts[i], view_lens[i], raw_lens[i]
    offset = pos - view_start
    if offset >= view_len:
        return raw_start + raw_len
    if view_len == raw_len:
        return raw_start + offset
    return raw_start + raw_len if is_end and offset > 0 else raw_start


_COLUMNS: dict[int, tuple[OffsetMap, Columns]] = {}  # id(map) -> its runs as columns (the map kept alive)


def _columns(omap: OffsetMap) -> Columns:
    """A map's runs as columns, read once per map: a ligature-heavy text has one run per ligature."""
    cached = _COLUMNS.get(id(omap))
    if cached is not None and cached[0] is omap:
        return cached[1]
    read = columns(omap.segments)
    if len(_COLUMNS) >= 8:
        _COLUMNS.clear()
    _COLUMNS[id(omap)] = (omap, read)
    return read


def _unmap_point(omap: OffsetMap, raw: int) -> int:
    """Inverse of `_map_point` for offsets inside equal-length runs (the run start otherwise)."""
    view_starts, raw_starts, view_lens, raw_lens = _columns(omap)
    if not view_starts:
        return raw
    i = max(bisect.bisect_right(raw_starts, raw) - 1, 0)
    view_start, raw_start, view_len, raw_len = view_starts[i], raw_starts[i], view_lens[i], raw_lens[i]
    offset = raw - raw_start
    if view_len == raw_len:
        return view_start + min(max(offset, 0), view_len)
    return view_start + (view_len if offset >= raw_len else 0)


_NOWHERE = (0, -1, 0)  # an empty view range: no token lies inside it


def _tokens(match_text: str, runs: Columns, sentences: list[tuple[str, int, int]]) -> tuple[list[Token], list[int]]:
    """Tokens of the match view that fall inside a sentence, with raw offsets, and the index of each
    sentence's first token (plus the total at the end). Tokens, runs and sentences are all in order,
    so one walk over each suffices; a token inside one equal-length run just shifts by a constant."""
    out: list[Token] = []
    view_starts, raw_starts, view_lens, raw_lens = runs
    n_segs, n_sents = len(view_starts), len(sentences)
    firsts = [0] * (n_sents + 1)
    if n_segs == 0 or (n_segs == 1 and view_lens[0] == raw_lens[0]):  # no runs or one: a constant shift
        shift = raw_starts[0] - view_starts[0] if n_segs else 0
        lo, hi = -1, len(match_text) + 1
    else:
        lo, hi, shift = _NOWHERE
    k, si = 0, -1
    next_bound = sentences[0][1] if n_sents else -1
    sent_end = -1
    folded = _FOLDED
    pos = 0
    for chunk in match_text.split():
        pos = match_text.find(chunk, pos)  # only whitespace lies between the previous chunk and this one
        pieces = (chunk,) if chunk.isalnum() else _pieces(chunk)
        for word in pieces:
            start = pos
            end = pos = start + len(word)
            if lo <= start and end <= hi:
                rs, re_ = start + shift, end + shift
            else:  # walk the runs to the token
                while k + 1 < n_segs and view_starts[k + 1] <= start:
                    k += 1
                v0, r0, vlen, rlen = view_starts[k], raw_starts[k], view_lens[k], raw_lens[k]
                rs = r0 + (start - v0 if vlen == rlen else 0) if start - v0 < vlen else r0 + rlen
                lo, hi, shift = (v0, v0 + vlen, r0 - v0) if vlen == rlen and start >= v0 else _NOWHERE
                e = k
                while e + 1 < n_segs and view_starts[e + 1] < end:
                    e += 1
                v0, r0, vlen, rlen = view_starts[e], raw_starts[e], view_lens[e], raw_lens[e]
                re_ = r0 + min(end - v0, vlen) if vlen == rlen else r0 + rlen
            while 0 <= next_bound <= rs:
                si += 1
                firsts[si] = len(out)
                sent_end = sentences[si][2]
                next_bound = sentences[si + 1][1] if si + 1 < n_sents else -1
            if rs >= sent_end:
                continue  # outside every sentence (removed text or whitespace)
            key = folded.get(word)
            if key is None:
                key = _fold_new(word)
            out.append(Token(key, rs, re_, len(out), si))
    for later in range(si + 1, n_sents + 1):
        firsts[later] = len(out)
    return out, firsts


def _pieces(chunk: str) -> tuple[str, ...]:
    """The tokens of a whitespace-free chunk that is not one word: most often a word and the punctuation
    mark after it ("القاهرة،"), else what the pattern tiles it into."""
    head, last = chunk[:-1], chunk[-1]
    if head.isalnum() and last not in _WORD_EXTRAS:
        return (head, last)
    found: list[str] = _TOKEN.findall(chunk)
    return tuple(found)


def _chunked(spans: list[tuple[str, int, int, int, int]], sentences: list[tuple[str, int, int]]) -> bool:
    return any(sp[1] != se[1] or sp[2] != se[2] for sp, se in zip(spans, sentences, strict=False))


def build_doc(article: NormalizedArticle) -> Doc:
    sentences: list[tuple[str, int, int]] = []
    clean_map = _Mapper(article.clean_to_raw)
    clean_text = article.clean_text  # a pydantic field: read once, not per sentence
    for span in article.sentences:
        text = clean_text[span.start : span.end]
        stripped = text.strip()
        if not stripped:
            continue
        lead = len(text) - len(text.lstrip())
        rs, re_ = clean_map.span(span.start + lead, span.start + lead + len(stripped))
        sentences.append((stripped, rs, re_))
    sentences.sort(key=lambda s: s[1])
    tokens_list, firsts = _tokens(article.match_text, columns(article.match_to_raw.segments), sentences)
    spans: list[tuple[str, int, int, int, int]] = []  # text, raw start, raw end, first token, last token
    for si, (text, rs, re_) in enumerate(sentences):
        first, ti = firsts[si], firsts[si + 1]
        if ti - first <= MAX_SENTENCE_TOKENS:
            spans.append((text, rs, re_, first, ti))
            continue
        # an unpunctuated run (a list, a table, hostile input): cut it into windows so that the
        # per-sentence work, quadratic in the worst case, stays bounded
        for lo in range(first, ti, MAX_SENTENCE_TOKENS):
            hi = min(lo + MAX_SENTENCE_TOKENS, ti)
            start, end = tokens_list[lo].start, tokens_list[hi - 1].end
            piece = clean_text[clean_map.unmap(start) : clean_map.unmap(end)]
            spans.append((piece, start, end, lo, hi))
    if len(spans) == len(sentences) and not _chunked(spans, sentences):
        tokens = tuple(tokens_list)  # sentence numbers already right: no window was cut
    else:
        tokens = tuple(
            Token(t.key, t.start, t.end, t.at, k)
            for k, (_x, _s, _e, lo, hi) in enumerate(spans)
            for t in tokens_list[lo:hi]
        )
    out = [Sentence(k, text, rs, re_, lo, hi) for k, (text, rs, re_, lo, hi) in enumerate(spans)]
    return Doc(tokens, tuple(out), clean_text, article.clean_to_raw)
