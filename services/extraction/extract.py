"""The pure extractor: NormalizedArticle -> DiplomaticEvents. No I/O beyond package data, loaded once."""

from __future__ import annotations

import datetime as dt
import hashlib

from schemas.event import Actor, DiplomaticEvent, EventDate, Evidence, Location, PloverType, Role, Status
from schemas.normalized import NormalizedArticle
from services.extraction.assemble import Group, direction, group_name, in_person_mode, merge, primaries
from services.extraction.cameo import cameo
from services.extraction.candidates import Budget, Candidate, sentence_candidates
from services.extraction.context import agreements, attribution, figures, topics
from services.extraction.dates import find_dates
from services.extraction.gazetteer import Gazetteer, load_gazetteer
from services.extraction.locate import capital_of
from services.extraction.mentions import ActorRef
from services.extraction.resolve import Cast
from services.extraction.text import Doc, build_doc
from services.extraction.views import SentenceView, sentence_views

EXTRACTOR_VERSION = "1.0.0"
MAX_EVENTS = 50
MAX_CANDIDATES = 400
MAX_CLUES = 600  # sentences + triggers examined per article


def extract_events(article: NormalizedArticle) -> list[DiplomaticEvent]:
    gaz = load_gazetteer()
    doc = build_doc(article)
    on = article.published_at.date() if article.published_at else None
    views = sentence_views(doc, gaz, on)
    cast = Cast(gaz, on, [v.mentions for v in views])
    cands: list[Candidate] = []
    carried: ActorRef | None = None
    budget = Budget(MAX_CLUES)
    for k, view in enumerate(views):
        found, carried = sentence_candidates(doc, gaz, view, k, cast, carried, budget)
        cands.extend(found)
        if len(cands) >= MAX_CANDIDATES:  # a list or hostile input, not news: bound the work
            break
    if any("solo" not in c.trigger.flags for c in cands):  # praise is an event only when nothing else is
        cands = [c for c in cands if "solo" not in c.trigger.flags]
    groups = merge(cands)
    main = primaries(groups)
    context = _ArticleContext(doc, gaz, article, on, views, cast)
    context.groups = groups
    events = [_event(g, k in main, context) for k, g in enumerate(groups[:MAX_EVENTS])]
    return [e for e in events if e is not None]


class _ArticleContext:
    def __init__(
        self,
        doc: Doc,
        gaz: Gazetteer,
        article: NormalizedArticle,
        on: dt.date | None,
        views: list[SentenceView],
        cast: Cast,
    ) -> None:
        self.doc, self.gaz, self.article, self.on = doc, gaz, article, on
        self.topics = topics([v.words for v in views])
        seen: set[tuple[float, str]] = set()
        self.figures = []
        for sent in doc.sentences:  # a claim repeated in a summary box is one figure
            for f in figures(sent.text):
                if (f.value, f.unit) not in seen:
                    seen.add((f.value, f.unit))
                    self.figures.append(f)
        self.attribution = list(
            dict.fromkeys(
                a
                for s, v in zip(doc.sentences, views, strict=True)
                for a in attribution(v.words, doc.sentence_tokens(s.index), s.text, s.raw_start)
            )
        )
        self.location = _main_location(doc, gaz, views)
        self.cast = cast
        self.groups: list[Group] = []

    def personal(self, actor: ActorRef) -> ActorRef:
        """A state met in person stands for its leader the article names ('زار الكويت' -> the emir)."""
        if actor.role != Role.STATE:
            return actor
        return self.cast.person_of(actor.country, None) or actor


def _main_location(doc: Doc, gaz: Gazetteer, views: list[SentenceView]) -> Location | None:
    counts: dict[str, tuple[int, int, Location]] = {}
    for k, view in enumerate(views):
        for hit in view.places:
            if hit.location.lat is not None:
                name = hit.location.name_en or ""
                n, first, loc = counts.get(name, (0, k, hit.location))
                counts[name] = (n + 1, first, loc)
    if not counts:
        return None
    return max(counts.values(), key=lambda v: (v[0], -v[1]))[2]


def _event(g: Group, primary: bool, ctx: _ArticleContext) -> DiplomaticEvent | None:
    first = g.first
    trig = first.trigger
    source, targets = direction(g)
    name = group_name(first)
    status = _status(g)
    location: Location | None = None
    mode, code = trig.mode, trig.cameo
    event_type = trig.event_type
    if name in ("inperson", "multilateral", "negotiation") or event_type != PloverType.CONSULT:
        location = _location(g, ctx)
    if event_type == PloverType.CONSULT and status == Status.OCCURRED:
        source, targets = ctx.personal(source), tuple(ctx.personal(t) for t in targets)
    if name == "inperson":
        mode, code, source, targets = in_person_mode(g, source, targets, location)
    elif name == "multilateral":
        mode, code = "multilateral", "040"
    ahead = status in (Status.PLANNED, Status.HYPOTHETICAL) or (status == Status.DENIED and first.future)
    if ahead and event_type == PloverType.CONSULT:  # a future meeting is intent to meet
        event_type, mode, code = PloverType.AGREE, None, "036"
    date = _date(g, ctx, status, primary)
    texts: dict[str, str] = {}
    for c in (*g.members, *g.support):  # the first way the article names each actor
        for k, v in c.texts:
            texts.setdefault(k, v)
    target: Actor | None = _actor(targets[0], texts) if targets else None
    if first.forum is not None:
        target = _actor(first.forum, texts)
    elif first.summit is not None:
        target = Actor(text=first.summit, name_ar=first.summit, role=Role.ORGANIZATION)
    participants = [_actor(a, texts) for a in (source, *targets)] if len(targets) > 1 else []
    if source.role == Role.AMBASSADOR or (targets and targets[0].role == Role.AMBASSADOR):
        source, targets = _envoy_names(ctx, source, targets)
        target = _actor(targets[0], texts) if targets and first.forum is None and first.summit is None else target
    evidence = _evidence(g, ctx.doc)
    ident = "|".join(
        [
            ctx.article.article_id,
            event_type.value,
            code,
            source.ident,
            first.summit or (targets[0].ident if targets else ""),
            date.value or "",
        ]
    )
    return DiplomaticEvent(
        event_id=hashlib.sha256(ident.encode("utf-8")).hexdigest()[:32],
        article_id=ctx.article.article_id,
        event_type=event_type,
        mode=mode,
        cameo=cameo(code),
        source=_actor(source, texts),
        target=target,
        participants=participants,
        date=date,
        location=location,
        status=status,
        primary=primary,
        topics=ctx.topics,
        figures=ctx.figures if primary else [],
        attribution=ctx.attribution,
        agreements=_agreements(g, ctx.doc),
        evidence=evidence,
        confidence=_confidence(g, source, targets),
        extractor_version=EXTRACTOR_VERSION,
        published_at=ctx.article.published_at,
        fetched_at=ctx.article.fetched_at,
        source_url=ctx.article.url,
    )


def _envoy_names(
    ctx: _ArticleContext, source: ActorRef, targets: tuple[ActorRef, ...]
) -> tuple[ActorRef, tuple[ActorRef, ...]]:
    """An unnamed envoy is 'Ambassador of <sender> to <the other party's state>'."""
    parties = (source, *targets)

    def named(a: ActorRef) -> ActorRef:
        if a.role != Role.AMBASSADOR or a.name_en is not None:
            return a
        sender = ctx.gaz.state(a.country or "")
        host = next((ctx.gaz.state(p.country or "") for p in parties if p.country != a.country), None)
        if sender is None:
            return a
        name = f"Ambassador of {sender.name_en}" + (f" to {host.name_en}" if host else "")
        return ActorRef(a.name_ar, name, a.wikidata, a.country, a.role, a.office)

    return named(source), tuple(named(t) for t in targets)


def _status(g: Group) -> Status:
    statuses = [c.status for c in g.strong]
    for s in (Status.OCCURRED, Status.PLANNED, Status.DENIED, Status.HYPOTHETICAL):
        if s in statuses:
            return s
    return Status.OCCURRED


def _actor(a: ActorRef, texts: dict[str, str]) -> Actor:
    return Actor(
        text=texts.get(a.ident) or a.name_ar or a.name_en or a.country or "?",
        name_ar=a.name_ar,
        name_en=a.name_en,
        wikidata=a.wikidata,
        country=a.country,
        role=a.role,
    )


def _location(g: Group, ctx: _ArticleContext) -> Location | None:
    parties = {c.source.country for c in g.members} | {t.country for c in g.members for t in c.targets}
    consult = g.first.trigger.event_type in (PloverType.CONSULT, PloverType.AGREE)
    for c in g.members:
        # a country named after في is where the event happened only for a meeting in a party's country;
        # otherwise it is what was discussed ("الأوضاع في سوريا")
        places = [p for p in c.places if p.location.lat is not None or (consult and p.location.country in parties)]
        if places:
            return min(places, key=lambda p: (p.location.lat is None, p.dateline, abs(p.index - c.index))).location
    if g.first.trigger.event_type not in (PloverType.CONSULT, PloverType.AGREE):
        return None  # a statement's place is where it was made, only when the report says so
    dests = [c.destination for c in g.members if c.destination]
    if dests and (ctx.location is None or ctx.location.country != dests[0]):
        return capital_of(ctx.gaz, dests[0])
    if g.first.future or g.first.status in (Status.PLANNED, Status.HYPOTHETICAL):
        # the dateline says where the report was filed, not where a future act will be; but an act
        # announced during a visit between the same parties ("توقيع اتفاقيات خلال زيارتنا") is placed there
        countries = frozenset({g.first.source.country, *(t.country for t in g.first.targets)})
        for other in ctx.groups:
            first = other.first
            if (
                other is not g
                and group_name(first) == "inperson"
                and first.status == Status.OCCURRED
                and frozenset({first.source.country, *(t.country for t in first.targets)}) == countries
            ):
                return _location(other, ctx)
        return None
    return ctx.location


def _date(g: Group, ctx: _ArticleContext, status: Status, primary: bool) -> EventDate:
    unresolved: EventDate | None = None
    ahead = status in (Status.PLANNED, Status.HYPOTHETICAL) or (status == Status.DENIED and g.first.future)
    for c in g.strong:
        hits = find_dates(ctx.doc.sentence_tokens(c.sent), ctx.on, planned=ahead)
        if ahead and ctx.on is not None:  # "قال اليوم إنه سيزور": the statement's day is not the visit's
            hits = [h for h in hits if h.date.value is None or h.date.value > ctx.on.isoformat()]
        elif ctx.on is not None:  # an event that took place cannot postdate its report
            hits = [h for h in hits if h.date.value is None or h.date.value <= ctx.on.isoformat()]
        base = ctx.doc.sentences[c.sent].first
        # the time adjunct usually follows the verb or noun: "التقى ... أمس السبت"
        for h in sorted(hits, key=lambda h: (h.index < base + c.index, abs(h.index - base - c.index))):
            if h.date.value is not None:
                return h.date
            unresolved = unresolved or h.date
    if unresolved is not None:
        return unresolved
    if primary and status == Status.OCCURRED and ctx.on is not None:
        return EventDate(value=ctx.on.isoformat(), precision="day", basis="publication")
    return EventDate()


def _evidence(g: Group, doc: Doc) -> list[Evidence]:
    sents = g.sentences
    return [
        Evidence(text=doc.sentences[k].text, start=doc.sentences[k].raw_start, end=doc.sentences[k].raw_end)
        for k in sents
    ]


def _agreements(g: Group, doc: Doc) -> list[str]:
    out: list[str] = []
    for k in g.sentences:
        s = doc.sentences[k]
        out.extend(agreements(doc.sentence_tokens(k), s.text, s.raw_start))
    return list(dict.fromkeys(out))


def _confidence(g: Group, source: ActorRef, targets: tuple[ActorRef, ...]) -> float:
    score = 0.5 + 0.1 * min(len(g.strong), 3)
    if any(c.strength >= 2 for c in g.strong):
        score += 0.1
    if source.name_en is None or any(t.name_en is None for t in targets):
        score -= 0.2
    return round(max(0.05, min(score, 0.99)), 2)
