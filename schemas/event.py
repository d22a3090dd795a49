"""DiplomaticEvent: one diplomatic interaction reported by an article, coded in PLOVER and CAMEO."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field

from schemas.base import ArticleId, AwareDatetime, Message, Part


class PloverType(StrEnum):
    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Role(StrEnum):
    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    FOREIGN_MINISTER = "foreign_minister"
    MINISTER = "minister"
    AMBASSADOR = "ambassador"
    ENVOY = "envoy"
    ROYAL = "royal"
    MILITARY = "military"
    ORGANIZATION = "organization"
    STATE = "state"
    OTHER = "other"


class Status(StrEnum):
    OCCURRED = "occurred"
    PLANNED = "planned"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"


class Cameo(Part):
    code: str = Field(pattern=r"^\d{2,4}$", description="Most specific CAMEO event code, e.g. '041'.")
    root: str = Field(pattern=r"^\d{2}$", description="CAMEO root code, e.g. '04'.")
    quad_class: int = Field(
        ge=1, le=4, description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."
    )
    goldstein: float = Field(ge=-10, le=10)
    name: str | None = None


class Actor(Part):
    text: str = Field(description="Surface form as written in the article.")
    name_ar: str | None = None
    name_en: str | None = None
    wikidata: str | None = Field(default=None, pattern=r"^Q\d+$")
    country: str | None = Field(
        default=None,
        description=(
            "ISO 3166-1 alpha-3, or an IGO code (e.g. 'UNO', 'ARL'); an organ carries its organisation's code "
            "(the Security Council 'UNO'), a grouping that is no organisation (G20, BRICS) null."
        ),
    )
    role: Role | None = None
    organization: str | None = Field(
        default=None,
        description="The organisation's or grouping's own code when the actor is one (e.g. 'UNSC', 'G20', 'BRICS').",
    )


class EventDate(Part):
    value: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD, null if unknown.")
    precision: Literal["day", "month", "year"] | None = None
    basis: Literal["explicit", "relative", "publication", "unresolved"] = "unresolved"
    text: str | None = Field(default=None, description="The words the date was read from.")


class Location(Part):
    name_en: str | None = None
    name_ar: str | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3.")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    geonames_id: int | None = None


class Figure(Part):
    text: str
    value: float
    unit: str = Field(description="percent, usd, years, ...")
    measure: str | None = Field(default=None, description="What the figure measures, e.g. 'trade volume'.")


class Evidence(Part):
    text: str = Field(description="The sentence as written in the raw article.")
    start: int = Field(ge=0, description="Start offset into RawArticle.text (code points).")
    end: int = Field(ge=0, description="End offset into RawArticle.text (code points), exclusive.")


class DiplomaticEvent(Message):
    event_id: str = Field(
        pattern=r"^[0-9a-f]{32}$", description="Deterministic: same article and interaction -> same id."
    )
    article_id: ArticleId
    event_type: PloverType
    mode: str | None = Field(default=None, description="PLOVER mode, e.g. phone, visit, host, third-party.")
    cameo: Cameo
    source: Actor
    target: Actor | None = None
    participants: list[Actor] = Field(default_factory=list)
    date: EventDate
    location: Location | None = None
    status: Status
    primary: bool = Field(description="True for the article's main events, false for background ones.")
    topics: list[str] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    attribution: list[str] = Field(default_factory=list, description="Agencies or offices the report cites.")
    agreements: list[str] = Field(default_factory=list, description="Agreements named in connection with the event.")
    evidence: list[Evidence] = Field(min_length=1)
    confidence: float = Field(ge=0, le=1)
    extractor_version: str
    published_at: AwareDatetime | None = Field(default=None, description="Publication time of the article.")
    fetched_at: AwareDatetime | None = Field(default=None, description="When the article was fetched (latency).")
    source_url: str | None = None
