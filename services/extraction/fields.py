"""What an article tells about all its events (topics, figures, attribution, main place, cast) and the
place and date of one event, read from its sentences and that context."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from schemas.event import EventDate, Evidence, Location, Status
from schemas.normalized import NormalizedArticle
from services.extraction.assemble import Group, group_name
from services.extraction.candidate import Candidate
from services.extraction.codes import (
    PLOVER_AGREE,
    PLOVER_AID,
    PLOVER_CONSULT,
    ROLE_STATE,
    STATUS_DENIED,
    STATUS_HYPOTHETICAL,
    STATUS_OCCURRED,
    STATUS_PLANNED,
)
from services.extraction.context import agreements, attribution, figures, find_marker, is_background, topics
from services.extraction.dates import DateHit, find_dates
from services.extraction.gazetteer import Gazetteer
from services.extraction.lexicon import fold_words
from services.extraction.locate import capital_of
from services.extraction.mentions import ActorRef
from services.extraction.models import build
from services.extraction.parties import speaks_for_another
from services.extraction.resolve import Cast
from services.extraction.text import Doc
from services.extraction.views import SentenceView


class ArticleContext:
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
        self.views = views
        self.location = main_location(doc, gaz, views)
        self.cast = cast
        self.groups: list[Group] = []
        self.primary: frozenset[int] = frozenset()  # indices in `groups` of the article's main events
        self._dates: dict[tuple[int, bool], list[DateHit]] = {}
        self._agreements: dict[int, list[str]] = {}
        self._evidence: dict[int, Evidence] = {}

    def dates_in(self, sent: int, *, planned: bool) -> list[DateHit]:
        """The dates of a sentence, read once per article (events share sentences)."""
        key = (sent, planned)
        found = self._dates.get(key)
        if found is None:
            tokens, starts = self.doc.sentence_tokens(sent), self.views[sent].dates
            found = self._dates[key] = find_dates(tokens, self.on, planned=planned, starts=starts)
        return found

    def evidence(self, sent: int) -> Evidence:
        """A sentence as evidence, built once per article (events share sentences; the model is frozen)."""
        found = self._evidence.get(sent)
        if found is None:
            s = self.doc.sentences[sent]
            found = self._evidence[sent] = build(Evidence, {"text": s.text, "start": s.raw_start, "end": s.raw_end})
        return found

    def agreements_in(self, sent: int) -> list[str]:
        """The agreements a sentence names, read once per article."""
        found = self._agreements.get(sent)
        if found is None:
            s = self.doc.sentences[sent]
            found = self._agreements[sent] = agreements(self.doc.sentence_tokens(sent), s.text, s.raw_start)
        return found

    def personal(self, actor: ActorRef, sentences: Sequence[int] | None = None) -> ActorRef:
        """A state called or written to stands for its leader the article names ('اتصل بالكويت' -> the emir),
        never for the spokesperson who reports the leader's acts. A host state (`sentences`: the visit's own)
        does only when those sentences name or title someone of it ('حيث التقى الرئيس الروسي'); 'وكان أردوغان
        قد زار بغداد' names no host, so the host is Iraq (rule 29). A host the sentences name is that person, not the
        one the article names most ('التقى … النائب الأول لرئيس الوزراء الروسي دينيس مانتوروف', rule 31)."""
        if actor.role != ROLE_STATE:
            return actor
        person = self.cast.person_of(actor.country, None)
        if sentences is not None:
            named = [
                m.actor
                for k in sentences
                for m in self.views[k].mentions
                if m.actor is not None and m.actor.country == actor.country and m.kind in _PERSON_KINDS
            ]
            if not named:
                return actor
            people = [a for a in named if a.name_en is not None and a.role != ROLE_STATE]
            if people and (person is None or all(a.ident != person.ident for a in people)):
                person = people[0]  # 'التقى … النائب الأول لرئيس الوزراء الروسي دينيس مانتوروف': not the FM
        return actor if person is None or speaks_for_another(person) else person


_PERSON_KINDS = frozenset({"person", "title", "counterpart", "envoy_of"})


def main_location(doc: Doc, gaz: Gazetteer, views: list[SentenceView]) -> Location | None:
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


_PLEDGE = "033"
_CONFERENCE = frozenset(fold_words("مؤتمر المؤتمر لمؤتمر بمؤتمر"))


def _at_conference(ctx: ArticleContext) -> bool:
    """A pledge made at a donors' conference is placed where it is held; one announced in a statement only
    where the statement says it was made (rule 18), never by the dateline alone (rule 32)."""
    return any(w in _CONFERENCE for v in ctx.views for w in v.words)


def event_location(g: Group, ctx: ArticleContext) -> Location | None:
    parties = {c.source.country for c in g.members} | {t.country for c in g.members for t in c.targets}
    # a meeting, signing or aid delivery is placed where it happened ("وصلت إلى مطار دمشق … الطائرة الإغاثية")
    pledged = g.first.trigger.cameo == _PLEDGE and not _at_conference(ctx)  # "أعلنت السعودية تقديم دعم …"
    consult = g.first.trigger.event_type in (PLOVER_CONSULT, PLOVER_AGREE, PLOVER_AID) and not pledged
    for c in g.members:
        # a country named after في is where the event happened only for a meeting in a party's country;
        # otherwise it is what was discussed ("الأوضاع في سوريا")
        places = [p for p in c.places if p.location.lat is not None or (consult and p.location.country in parties)]
        if "itinerary" in c.trigger.flags:  # a tour's next stop is not where the sentence says it began
            places = [p for p in places if p.index > c.index]
        if c.trigger.frame == "visit":  # "يتوجه غداً من الرياض إلى القاهرة": where the traveller sets out from
            words = ctx.views[c.sent].words
            places = [p for p in places if not (p.index > c.index and words[p.index - 1] == "من")]
        # "زار السعودية، حيث التقى ولي العهد في جدة، ثم توجه إلى الدوحة، حيث التقى": the stop its verb goes to
        if (
            c.trigger.frame in ("visit", "sv")
            and c.trigger.pos == "verb"
            and c.status == STATUS_OCCURRED
            and c.destination
        ):
            places = [p for p in places if p.location.country == c.destination]
        if not consult:  # a statement is placed where the report says it was made, never by the dateline alone
            places = [p for p in places if not p.dateline]
            # where it was said comes with the speaker, before its object ("أدان … حرق المصحف في ستوكهولم")
            places = [p for p in places if p.index < _object_at(c, ctx)]
            if "participle" in c.trigger.flags:  # "أغلق القنصلية في كراكوف، متهماً …": the place was the act's
                places = [p for p in places if p.index > c.index]
        if places:
            return min(places, key=lambda p: (p.location.lat is None, p.dateline, abs(p.index - c.index))).location
    if pledged or g.first.trigger.event_type not in (PLOVER_CONSULT, PLOVER_AGREE):
        return None  # a statement's place is where it was made, only when the report says so
    dests = [c.destination for c in g.members if c.destination]
    if dests and (ctx.location is None or ctx.location.country != dests[0]):
        if all(c.destination_country_only for c in g.members if c.destination):
            return None  # a visit to a country whose city the text never names: no guessed capital
        return capital_of(ctx.gaz, dests[0])
    if g.first.future or g.first.status in (STATUS_PLANNED, STATUS_HYPOTHETICAL):
        # the dateline says where the report was filed, not where a future act will be; but an act
        # announced during a visit between the same parties ("توقيع اتفاقيات خلال زيارتنا") is placed there
        if "invite" in g.first.trigger.flags:  # "ووجه جلالته الدعوة للرئيس بوتين لزيارة البحرين": not where it
            return None  # was handed over; a city named for the visit invited to is placed above
        countries = frozenset({g.first.source.country, *(t.country for t in g.first.targets)})
        for other in ctx.groups:
            first = other.first
            if (
                other is not g
                and group_name(first) == "inperson"
                and first.status == STATUS_OCCURRED
                and frozenset({first.source.country, *(t.country for t in first.targets)}) == countries
            ):
                return event_location(other, ctx)
        return None
    return _occasion_place(g, ctx) or ctx.location


def _object_at(c: Candidate, ctx: ArticleContext) -> int:
    """Where the statement's object (its first target named after the trigger) starts in the sentence."""
    wanted = {t.country for t in c.targets}
    mentions = ctx.views[c.sent].mentions
    found = (m.start for m in mentions if m.start > c.index and m.actor is not None and m.actor.country in wanted)
    return min(found, default=len(ctx.views[c.sent].words))


def _occasions(g: Group, ctx: ArticleContext) -> list[Group]:
    """The in-person events that took place before an act reported as during an occasion ('وعلى هامش
    الزيارة، عقد …'), nearest first; none when the act's sentence marks no occasion."""
    c = g.first
    words = ctx.views[c.sent].words
    if c.background or (find_marker(words, "occasion", 0, len(words)) is None and not _goes_on(c, words)):
        return []
    earlier = [
        o
        for o in ctx.groups
        if o is not g
        and o.first.sent < c.sent
        and o.first.status == STATUS_OCCURRED
        and group_name(o.first) in ("inperson", "multilateral")
    ]
    return sorted(earlier, key=lambda o: -o.first.sent)


def _occasion_place(g: Group, ctx: ArticleContext) -> Location | None:
    """An act during an occasion is where that occasion (the nearest one with a place) was."""
    for other in _occasions(g, ctx):
        found = event_location(other, ctx)
        if found is not None:
            return found
    return None


def occasion_host(g: Group, ctx: ArticleContext) -> str | None:
    """The country an act during an occasion took place in, when no city is named: the nearest occasion's
    destination ('وصل ماكرون إلى السعودية … وعلى هامش الزيارة، عقد بارو مباحثات مع نظيره': Saudi Arabia)."""
    for other in _occasions(g, ctx):
        dests = [c.destination for c in other.members if c.destination]
        if dests:
            return dests[0]
    return None


def event_date(g: Group, ctx: ArticleContext, status: Status, primary: bool, *, inherit: bool = True) -> EventDate:
    """The date of an event's own sentences; else (`inherit`) the date of the occasion it continues; else,
    for a primary event that took place, the publication date."""
    unresolved: EventDate | None = None
    ahead = status in (STATUS_PLANNED, STATUS_HYPOTHETICAL) or (status == STATUS_DENIED and g.first.future)
    # a headline names no day: the lead restating it with a definite noun ("شارك …، أمس، في الاجتماع") does
    restated = [c for c in g.support if c.anaphoric and c.trigger.event_type == g.first.trigger.event_type]
    for c in (*g.strong, *restated):
        hits = ctx.dates_in(c.sent, planned=ahead)
        if ahead and ctx.on is not None:  # "قال اليوم إنه سيزور": the statement's day is not the visit's
            hits = [h for h in hits if h.date.value is None or h.date.value > ctx.on.isoformat()]
        elif ctx.on is not None:  # an event that took place cannot postdate its report
            hits = [h for h in hits if h.date.value is None or h.date.value <= ctx.on.isoformat()]
        base = ctx.doc.sentences[c.sent].first
        if status == STATUS_DENIED:  # "نفى اليوم … أن يكون التقى": the day before the trigger is the denial's
            hits = [h for h in hits if h.index > base + c.index]
        if "itinerary" in c.trigger.flags:  # "ووصل مساء الثلاثاء، في محطة من جولته التي تشمل": the arrival's day
            hits = [h for h in hits if h.index > base + c.index]
        # the time adjunct usually follows the verb or noun: "التقى ... أمس السبت"
        for h in sorted(hits, key=lambda h: (h.index < base + c.index, abs(h.index - base - c.index))):
            if h.date.value is not None:
                return h.date
            unresolved = unresolved or h.date
    if unresolved is not None:
        return unresolved
    inherited = (_cable_alongside(g, ctx) or _occasion_date(g, ctx)) if inherit and not ahead else None
    if inherited is not None:
        return inherited
    if primary and status == STATUS_OCCURRED and ctx.on is not None:
        return build(EventDate, {"value": ctx.on.isoformat(), "precision": "day", "basis": "publication"})
    return build(EventDate, {})


_SENT_TOO = frozenset(fold_words("كما وبعث وبعثت وأرسل وأرسلت ووجه ووجهت"))


def _cable_alongside(g: Group, ctx: ArticleContext) -> EventDate | None:
    """A cable or letter sent alongside one reported before it ("كما بعث ولي العهد برقية تهنئة مماثلة")
    has that one's date: its own date words, or the publication date when that one is a main event."""
    first = g.first
    words = ctx.views[first.sent].words
    if first.trigger.mode != "message" or first.background or not words or words[0] not in _SENT_TOO:
        return None
    earlier = [
        (k, o)
        for k, o in enumerate(ctx.groups)
        if o.first.sent < first.sent and o.first.trigger.mode == "message" and not o.first.background
    ]
    if not earlier:
        return None
    k, other = max(earlier, key=lambda item: item[1].first.sent)
    found = event_date(other, ctx, STATUS_OCCURRED, primary=k in ctx.primary)  # a chain of cables
    return found if found.value is not None else None


def _goes_on(c: Candidate, words: Sequence[str]) -> bool:
    """A sentence opened by the act's verb with و ("والتقى الوزير …") or by كما ("كما عقد …") goes on
    with the report before it: another meeting or signing of the same day and trip (a statement keeps
    no date)."""
    if not words or c.trigger.event_type not in (PLOVER_CONSULT, PLOVER_AGREE):
        return False
    if words[0] == "كما":  # "كما عقد لافروف جلسة مباحثات": the verb or the noun it governs
        return c.index <= _ALSO_GAP
    return c.index == 0 and c.trigger.pos == "verb" and words[0].startswith("و")


_ALSO_GAP = 4  # words between an opening كما and the act's trigger


def _occasion_date(g: Group, ctx: ArticleContext) -> EventDate | None:
    """An act done during an occasion reported before it ("وعلى هامش القمة، التقى …", "ووقّع … في ختام
    الاجتماع") takes the date of the nearest earlier event that took place and has a date of its own."""
    for c in g.strong:
        words = ctx.views[c.sent].words
        if c.background or (find_marker(words, "occasion", 0, len(words)) is None and not _goes_on(c, words)):
            continue  # "وكان … قد التقى … على هامش": an earlier occasion of its own
        earlier = [o for o in ctx.groups if o is not g and o.first.sent < c.sent and o.first.status == STATUS_OCCURRED]
        for other in sorted(earlier, key=lambda o: -o.first.sent):
            found = event_date(other, ctx, STATUS_OCCURRED, primary=False, inherit=False)
            if found.value is not None:
                return found
        for k in range(c.sent - 1, -1, -1):  # the occasion itself may not be an event ("شارك … في القمة")
            if is_background(ctx.views[k].words):
                continue
            today = ctx.on.isoformat() if ctx.on is not None else ""
            for h in ctx.dates_in(k, planned=False):
                if h.date.value is not None and h.date.value <= today:
                    return h.date
    return None
