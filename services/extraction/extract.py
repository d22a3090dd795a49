"""The pure extractor: NormalizedArticle -> DiplomaticEvents. No I/O beyond package data, loaded once."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping

from schemas.event import Actor, DiplomaticEvent, Location, Status
from schemas.normalized import NormalizedArticle
from services.extraction.actors import PUNCT
from services.extraction.assemble import Group, direction, group_name, in_person_mode, merge, primaries
from services.extraction.cameo import cameo
from services.extraction.candidate import Budget, Candidate
from services.extraction.candidates import sentence_candidates
from services.extraction.codes import (
    PLOVER_AGREE,
    PLOVER_CONSULT,
    ROLE_AMBASSADOR,
    ROLE_ORGANIZATION,
    ROLE_STATE,
    STATUS_DENIED,
    STATUS_HYPOTHETICAL,
    STATUS_OCCURRED,
    STATUS_PLANNED,
)
from services.extraction.confidence import ArticleFacts, EventFacts, article_facts, event_features, load_model, score
from services.extraction.context import find_marker
from services.extraction.cues import BLAME, fold_into_summons, names_the_same, similar_message, similar_stances
from services.extraction.dates import header_date
from services.extraction.fields import ArticleContext, event_date, event_location, occasion_host
from services.extraction.gatherings import next_gathering
from services.extraction.gazetteer import load_gazetteer
from services.extraction.locate import removed_dateline
from services.extraction.mentions import ActorRef
from services.extraction.models import build
from services.extraction.resolve import Cast
from services.extraction.text import build_doc
from services.extraction.titles import CHARGE
from services.extraction.views import SentenceView, sentence_slots, sentence_views
from services.extraction.voices import communique_stances, gathering_voice, names_communique

EXTRACTOR_VERSION = "1.15.1"
MAX_EVENTS = 50
MAX_CANDIDATES = 400
MAX_CLUES = 600  # sentences + triggers examined per article
_DATELINE_VIEWS = 5  # outlet, date line, headline, dateline: the home country may be read from the fourth line


def extract_events(article: NormalizedArticle) -> list[DiplomaticEvent]:
    return [event for event, _features in extract_scored(article)]


def extract_scored(article: NormalizedArticle) -> list[tuple[DiplomaticEvent, list[str]]]:
    """The events with the facts their confidence was scored on (what `train_confidence` learns from)."""
    gaz = load_gazetteer()
    doc = build_doc(article)
    on = article.published_at.date() if article.published_at else header_date(doc)
    views = sentence_views(doc, gaz, on)
    home = next((p.location.country for v in views[:_DATELINE_VIEWS] for p in v.places if p.dateline), None)
    filed = removed_dateline(
        gaz, (line for b in article.removed if b.kind == "dateline" for line in b.text.splitlines())
    )
    home = home or (filed.country if filed is not None else None) or _conveyed_home(views)
    cast = Cast(gaz, on, [v.mentions for v in views], home)
    cands: list[Candidate] = []
    carried: ActorRef | None = None
    budget = Budget(MAX_CLUES)
    recent_igo: ActorRef | None = None  # the organisation named last: "ترأس الوفد المشارك في القمة"
    sent_messages: list[Candidate] = []  # the cables a later "برقية مماثلة" copies
    held_gathering = False  # a gathering reported so far, whose leaders may agree on the next one
    visitor: ActorRef | None = None  # the visitor of the last visit reported (not recalled)
    voice: ActorRef | None = None  # who speaks in the final communiqué of the last gathering reported
    for k, view in enumerate(views):
        cast.home = _capital_home(view) or home
        carried_in = carried
        found, carried = sentence_candidates(doc, gaz, view, k, cast, carried, budget, recent_igo)
        found = [_toured_by(c, carried_in, visitor) for c in found]
        found = _guest_touring(found)
        visitor = next((c.source for c in reversed(found) if _visit_made(c)), visitor)
        if voice is not None and names_communique(view.words):  # "وأدان البيان الختامي للقمة …": the summit's
            slots = sentence_slots(doc, view, k, cast, carried)
            voiced = communique_stances(view, k, slots, voice)
            said = {c.index for c in voiced}
            found = [*(c for c in found if c.index not in said), *voiced]
        voice = next((v for v in map(gathering_voice, reversed(found)) if v is not None), voice)
        if not cands and any(c.anaphoric for c in found) and _after_match(views[:k]):
            found = [c for c in found if not c.anaphoric]  # "فاز المنتخب …" then "وحضر اللقاء السفير": the match
        if names_the_same(view.words) and not any(c.trigger.event_type in BLAME for c in found):
            slots = sentence_slots(doc, view, k, cast, carried, surfaces=False)  # "فرضت … عقوبات مماثلة"
            found.extend(similar_stances(view.words, k, slots, cands))
        if not found and held_gathering:  # "واتفق القادة على عقد القمة المقبلة في بغداد"
            found.extend(next_gathering(view.words, k, tuple(view.places), cands))
        held_gathering = held_gathering or any(c.trigger.frame == "multi" for c in found)
        messages = [c for c in found if c.trigger.mode == "message"]
        found.extend([] if messages else similar_message(view.words, k, carried, sent_messages))
        if messages:  # the cables of one sender, in order, for a later "برقية مماثلة"
            same = sent_messages and sent_messages[-1].source.ident == messages[0].source.ident
            sent_messages = [*sent_messages, *messages] if same else messages
        igos = [m.actor for m in view.mentions if m.kind == "igo" and m.actor is not None]
        recent_igo = igos[-1] if igos else recent_igo
        cands.extend(found)
        if len(cands) >= MAX_CANDIDATES:  # a list or hostile input, not news: bound the work
            break
    cast.home = home
    cands = fold_into_summons(cands)
    if any("solo" not in c.trigger.flags for c in cands):  # praise is an event only when nothing else is
        cands = [c for c in cands if "solo" not in c.trigger.flags]
    groups = merge(cands)
    if not groups:  # no event: the article's context (topics, figures, sources, main place) would go unused
        return []
    main = primaries(groups)
    context = ArticleContext(doc, gaz, article, on, views, cast)
    context.location = context.location or filed  # "بغداد 28 آب (بترا)": the report's place, though cut (rule 35)
    context.groups = groups
    context.primary = frozenset(main)
    kept = groups[:MAX_EVENTS]
    facts = article_facts(kept, len(doc.sentences))
    return _one_per_interaction([_event(g, n, n in main, context, facts) for n, g in enumerate(kept)], context)


_PROTESTS = frozenset({"احتجاج", "رفض", "استنكار", "ادانه"})  # folded: what a summoned envoy is handed
_HANDED_REACH = 12  # "أبلغ الأمين العام لوزارة الشؤون الخارجية السفير الفرنسي احتجاج الجزائر"
_HOME_VIEWS = 12  # the opening of the report: the summons and what the envoy was handed


_IN_OPENING = frozenset({"وفي", "في"})  # folded: "وفي الرباط، …" opening a sentence


def _capital_home(view: SentenceView) -> str | None:
    """'وفي الرباط، قررت المملكة المغربية …، كما استدعت وزارة الشؤون الخارجية القائم بالأعمال السويدي … وأبلغته
    إدانة المملكة': a sentence opened by 'وفي <capital>،' reports from that capital, so its unqualified ministry or
    kingdom is that capital's state, not the dateline's (rule 36)."""
    words = view.words
    if len(words) < 3 or words[0] not in _IN_OPENING:
        return None
    for m in view.mentions:
        if m.start == 1 and m.kind == "capital" and m.actor is not None:
            return m.actor.country if m.end < len(words) and words[m.end] == PUNCT else None
    return None


def _conveyed_home(views: list[SentenceView]) -> str | None:
    """Without a dateline, the state whose protest or rejection the report's ministry conveys ("فقد أبلغ … السفير
    الفرنسي احتجاج الجزائر الشديد"، "أنها أبلغت القائم بالأعمال رفض دولة الكويت") is home: the ministry named
    without a nisba ("استدعت وزارة الخارجية") is its ministry (rules 13, 33)."""
    for v in views[:_HOME_VIEWS]:
        words = v.words
        for m in v.mentions:
            if m.kind != "state" or m.actor is None or m.start < 1 or words[m.start - 1] not in _PROTESTS:
                continue
            told = words[max(0, m.start - _HANDED_REACH) : m.start - 1]
            if any(w.removeprefix("و").removeprefix("ف").startswith("ابلغ") for w in told):
                return m.actor.country
    return None


def _visit_made(c: Candidate) -> bool:
    """A visit the article reports, not an earlier one it recalls ("وكان أردوغان قد زار إسلام آباد")."""
    visiting = c.trigger.frame in ("host", "visit") and c.trigger.mode == "visit"
    return visiting and c.status == STATUS_OCCURRED and not c.background


def _toured_by(c: Candidate, carried: ActorRef | None, visitor: ActorRef | None) -> Candidate:
    """A tour whose sentence names no traveller ("ويقوم بجولة تشمل أيضاً إيران") is made by the visitor of the
    visit reported, not by the host its sentence carried over (rule 33)."""
    if "itinerary" not in c.trigger.flags or visitor is None or c.source is not carried:
        return c
    if any(ident == c.source.ident for ident, _text in c.texts):
        return c
    return dataclasses.replace(c, source=visitor)


def _guest_touring(found: list[Candidate]) -> list[Candidate]:
    """'استقبل أمير الكويت … وزير الخارجية الإيراني محمد جواد ظريف …، وذلك في مستهل جولة إقليمية تشمل أيضاً قطر
    والعراق': the tour of a sentence reporting a visit is the visitor's; the host it names first receives him and
    tours nowhere (rule 36)."""
    out: list[Candidate] = []
    for c in found:
        visit = next((v for v in found if v.index < c.index and _visit_made(v) and v.targets), None)
        if "itinerary" in c.trigger.flags and visit is not None and c.source.country == visit.targets[0].country:
            c = dataclasses.replace(c, source=visit.source)
        out.append(c)
    return out


def _one_per_interaction(
    built: list[tuple[DiplomaticEvent, list[str]]], ctx: ArticleContext
) -> list[tuple[DiplomaticEvent, list[str]]]:
    """Events with one id are one interaction (rule 5): "ويجري مباحثات مع عبد العاطي" in the headline and "وكان
    الصفدي قد أجرى في وقت سابق اليوم مباحثات مع نظيره المصري عبد العاطي" are the same talks, the same day. The
    first keeps its place and facts, with the evidence of both; it is main news when either is (rule 31)."""
    out: list[tuple[DiplomaticEvent, list[str]]] = []
    at: dict[str, int] = {}
    for event, features in built:
        k = at.setdefault(event.event_id, len(out))
        if k == len(out):
            out.append((event, features))
            continue
        kept, kept_features = out[k]
        primary = kept.primary or event.primary
        evidence = sorted({e.start: e for e in (*kept.evidence, *event.evidence)}.values(), key=lambda e: e.start)
        update = {"evidence": evidence, "primary": primary, "figures": ctx.figures if primary else []}
        out[k] = (kept.model_copy(update=update), kept_features)
    return out


def _host_countries(g: Group, location: Location | None) -> frozenset[str | None]:
    """The countries a visit went to: where it is placed, or the destinations its sentences name."""
    found: set[str | None] = {c.destination for c in g.members if c.destination}
    if location is not None and location.country:
        found.add(location.country)
    return frozenset(found)


def _after_match(before: list[SentenceView]) -> bool:
    """Did the article report a match before any meeting? Then a definite meeting noun (اللقاء) is that match."""
    return any(find_marker(v.words, "sport", 0, len(v.words)) is not None for v in before)


def _event(
    g: Group, index: int, primary: bool, ctx: ArticleContext, article: ArticleFacts
) -> tuple[DiplomaticEvent, list[str]]:
    first = g.first
    trig = first.trigger
    source, targets = direction(g)
    source, targets = _state_named(ctx, source), tuple(_state_named(ctx, t) for t in targets)
    name = group_name(first)
    status = _status(g)
    location: Location | None = None
    mode, code = trig.mode, trig.cameo
    event_type = trig.event_type
    if name in ("inperson", "multilateral", "negotiation") or event_type != PLOVER_CONSULT:
        location = event_location(g, ctx)
    if event_type == PLOVER_CONSULT and status == STATUS_OCCURRED and "delegations" not in trig.flags:
        # talks between delegations are between their states (rule 14), never their heads
        # the host of a visit is the one its own sentences name, else its state (rule 29)
        hosts = _host_countries(g, location) if name == "inperson" else frozenset()
        source = ctx.personal(source, g.sentences if source.country in hosts else None)
        targets = tuple(ctx.personal(t, g.sentences if t.country in hosts else None) for t in targets)
    if name == "inperson":
        host = occasion_host(g, ctx) if location is None else None
        mode, code, source, targets = in_person_mode(g, source, targets, location, host)
    elif name == "multilateral":
        mode, code = "multilateral", "040"
    ahead = status in (STATUS_PLANNED, STATUS_HYPOTHETICAL) or (status == STATUS_DENIED and first.future)
    if ahead and event_type == PLOVER_CONSULT:  # a future meeting is intent to meet
        event_type, mode, code = PLOVER_AGREE, None, "036"
    date = event_date(g, ctx, status, primary)
    texts: dict[str, str] = {}
    for c in (*g.members, *g.support):  # the first way the article names each actor
        for k, v in c.texts:
            texts.setdefault(k, v)
    igo_countries = ctx.gaz.actor_countries
    target: Actor | None = _actor(targets[0], texts, igo_countries) if targets else None
    if first.forum is not None:
        target = _actor(first.forum, texts, igo_countries)
    elif first.summit is not None:
        target = build(Actor, {"text": first.summit, "name_ar": first.summit, "role": ROLE_ORGANIZATION})
    participants = [_actor(a, texts, igo_countries) for a in (source, *targets)] if len(targets) > 1 else []
    if source.role == ROLE_AMBASSADOR or (targets and targets[0].role == ROLE_AMBASSADOR):
        source, targets = _envoy_names(ctx, source, targets)
        if targets and first.forum is None and first.summit is None:
            target = _actor(targets[0], texts, igo_countries)
    evidence = [ctx.evidence(k) for k in g.sentences]
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
    if status != STATUS_OCCURRED:  # a denied or planned act is another event than the same act done; the ids
        ident += "|" + status.value  # of done acts stay what they were before status joined the identity
    source_actor = _actor(source, texts, igo_countries)
    unnamed = source.name_en is None or any(t.name_en is None for t in targets)
    facts = EventFacts(
        event_type,
        mode,
        status,
        primary,
        source_actor,
        target,
        len(participants),
        date.basis,
        location is not None,
        bool(ctx.attribution),
        unnamed,
    )
    features = event_features(g, index, facts, article)
    event = build(
        DiplomaticEvent,
        {
            "event_id": hashlib.sha256(ident.encode("utf-8")).hexdigest()[:32],
            "article_id": ctx.article.article_id,
            "event_type": event_type,
            "mode": mode,
            "cameo": cameo(code),
            "source": source_actor,
            "target": target,
            "participants": participants,
            "date": date,
            "location": location,
            "status": status,
            "primary": primary,
            "topics": ctx.topics,
            "figures": ctx.figures if primary else [],
            "attribution": ctx.attribution,
            "agreements": list(dict.fromkeys(a for k in g.sentences for a in ctx.agreements_in(k))),
            "evidence": evidence,
            "confidence": score(features, load_model()),
            "extractor_version": EXTRACTOR_VERSION,
            "published_at": ctx.article.published_at,
            "fetched_at": ctx.article.fetched_at,
            "source_url": ctx.article.url,
        },
    )
    return event, features


def _envoy_names(
    ctx: ArticleContext, source: ActorRef, targets: tuple[ActorRef, ...]
) -> tuple[ActorRef, tuple[ActorRef, ...]]:
    """An unnamed envoy is 'Ambassador of <sender> to <the other party's state>'."""
    parties = (source, *targets)

    def named(a: ActorRef) -> ActorRef:
        if a.role != ROLE_AMBASSADOR or a.name_en is not None:
            return a
        sender = ctx.gaz.state(a.country or "")
        host = next((ctx.gaz.state(p.country or "") for p in parties if p.country != a.country), None)
        if sender is None:
            return a
        title = "Charge d'affaires" if a.office == CHARGE else "Ambassador"
        name = f"{title} of {sender.name_en}" + (f" to {host.name_en}" if host else "")
        return ActorRef(a.name_ar, name, a.wikidata, a.country, a.role, a.office)

    return named(source), tuple(named(t) for t in targets)


def _state_named(ctx: ArticleContext, a: ActorRef) -> ActorRef:
    """A state known only by its code (a place visited, a ministry) gets the gazetteer's names."""
    state = ctx.gaz.state(a.country or "") if a.role == ROLE_STATE and a.name_en is None else None
    return ActorRef(state.name_ar, state.name_en, state.qid, state.iso3, ROLE_STATE) if state else a


def _status(g: Group) -> Status:
    statuses = [c.status for c in g.strong]
    for s in (STATUS_OCCURRED, STATUS_PLANNED, STATUS_DENIED, STATUS_HYPOTHETICAL):
        if s in statuses:
            return s
    return STATUS_OCCURRED


def _actor(a: ActorRef, texts: dict[str, str], igo_countries: Mapping[str, str | None]) -> Actor:
    """The event's actor; an organisation's gazetteer code goes to `organization`, and `country` holds what
    `igos.tsv` says an actor of it carries (its own code, the parent's for an organ, None for a grouping)."""
    organization = a.country if a.role == ROLE_ORGANIZATION and a.country in igo_countries else None
    return build(
        Actor,
        {
            "text": texts.get(a.ident) or a.name_ar or a.name_en or a.country or "?",
            "name_ar": a.name_ar,
            "name_en": a.name_en,
            "wikidata": a.wikidata,
            "country": igo_countries[organization] if organization is not None else a.country,
            "role": a.role,
            "organization": organization,
        },
    )
