"""Scenario files: the questions planners ask, as YAML validated with clear errors.

A scenario names the cycle's rules, the swap policy, candidate locations, changes to
existing locations, budget limits and the order of the objectives. It is read with
a bounded safe YAML loader (:mod:`planner.scenario.yamlsafe`), may build on another
file (``extends:``), and is checked against the
data: an unknown location, municipality or key is reported with the file, the key path
and the nearest valid names.
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from planner.data.dates import YEAR_RANGE, DateKind, DateParseError, parse_date_cell
from planner.data.limits import MAX_COUNT, control_char
from planner.data.loader import Dataset, suggest
from planner.errors import InputError, Issue, Problem, os_reason, pydantic_words, words_then
from planner.formats import Words
from planner.scenario.yamlsafe import load_yaml, short

__all__ = [
    "Scenario",
    "Candidate",
    "LocationChange",
    "SwapRecord",
    "SwapSettings",
    "Limits",
    "CycleSpec",
    "SolverSettings",
    "RiskSettings",
    "StartDelay",
    "OBJECTIVES",
    "DEFAULT_OBJECTIVE",
    "CROSS_OBJECTIVE",
    "load_scenario",
    "parse_scenario",
    "check_against_data",
    "scenario_hash",
]

Objective = Literal[
    "provincial_shortfall",
    "amv_shortfall",
    "municipal_shortfall",
    "new_places",
    "swap_volume",
    "oek_shortfall",
]
OBJECTIVES: tuple[str, ...] = (
    "provincial_shortfall",
    "amv_shortfall",
    "municipal_shortfall",
    "new_places",
    "swap_volume",
)
DEFAULT_OBJECTIVE = list(OBJECTIVES)
#: The level of the second programme of a swap across programmes (the sum of municipal
#: shortfalls of Ukrainian reception): by default right after the asylum levels.
CROSS_OBJECTIVE = "oek_shortfall"


def _to_date(value: Any) -> Any:
    """Dates in a scenario: YAML dates, or any notation the data files accept."""
    if value is None:
        return value
    if isinstance(value, date):  # a YAML date: the same year check as the data files
        lo, hi = YEAR_RANGE
        if not lo <= value.year <= hi:
            raise Problem(
                Words("year_outside", year=str(value.year), lo=str(lo), hi=str(hi)),
                Words("year_outside_fix"),
            )
        return value
    try:
        parsed = parse_date_cell(str(value))
    except DateParseError as exc:
        raise Problem(exc.reason, exc.fix) from None
    if parsed.kind in (DateKind.EMPTY, DateKind.INDEFINITE):
        return None
    if parsed.kind is DateKind.UNKNOWN:
        raise Problem(Words("sc_date_unknown"), Words("sc_date_unknown_fix"))
    return parsed.value


ScenarioDate = Annotated[date | None, BeforeValidator(_to_date)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CycleSpec(_Model):
    """Changes to the counting rules of the cycle (omitted keys keep the data's rules)."""

    id: str | None = None
    start: ScenarioDate = None
    end: ScenarioDate = None
    require_decision: bool | None = None
    soft_plans_count: bool | None = None


class SwapRecord(_Model):
    """A swap in the scenario's register (issue: swap register).

    ``agreed`` and ``locked`` swaps are fixed in the model; ``proposed`` ones are
    options the optimiser may take (up to ``places``).
    """

    id: str = Field(min_length=1)
    from_municipality: str = Field(alias="from")
    to_municipality: str = Field(alias="to")
    places: int = Field(ge=0)
    amv_places: int = Field(default=0, ge=0)
    start: ScenarioDate = None
    end: ScenarioDate = None
    status: Literal["proposed", "agreed", "locked"] = "proposed"
    condition: str | None = None
    note: str | None = None
    #: A swap across programmes: ``counter_places`` of ``counter_programme`` hosted in
    #: ``to`` count for ``from`` in return (e.g. 83 OEK places for 83 asylum places).
    counter_programme: Literal["oek"] | None = None
    counter_places: int | None = Field(default=None, ge=0)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _check(self) -> SwapRecord:
        if (self.counter_programme is None) != (self.counter_places is None):
            raise Problem(Words("sc_counter_together"), Words("ds_condition_both_fix"))
        if self.amv_places > self.places:
            raise Problem(
                Words("ds_amv_above_places", amv=self.amv_places, places=self.places),
                Words("ds_amv_above_places_fix"),
            )
        if self.from_municipality == self.to_municipality:
            raise Problem(Words("sc_swap_same"), Words("ds_swap_same_fix"))
        if self.start and self.end and self.end < self.start:
            raise Problem(
                Words(
                    "ds_end_before_start", what=Words("ds_what_end"), end=self.end, start=self.start
                ),
                Words("ds_end_before_start_fix"),
            )
        return self


class SwapSettings(_Model):
    """Which swaps the optimiser may propose.

    ``none``: no swaps at all, recorded agreements included; ``agreements`` (default):
    only the recorded agreements; ``region`` / ``province``: also proposals between any
    two municipalities of the same region / province; ``neighbours``: between
    municipalities that share a border (same province). ``givers`` / ``receivers``
    restrict the proposals to those municipalities.
    """

    policy: Literal["none", "agreements", "region", "province", "neighbours"] = "agreements"
    max_per_pair: int | None = Field(default=None, ge=0)
    max_in_per_municipality: int | None = Field(default=None, ge=0)
    amv: bool = True
    givers: list[str] | None = None
    receivers: list[str] | None = None
    records: list[SwapRecord] = Field(default_factory=list, alias="register")
    #: The optimiser may propose swaps across programmes: asylum places hosted in one
    #: municipality count for another, which hosts ``rate`` places of the other
    #: programme in return, from its surplus. Pairs as the policy allows (with policy
    #: ``agreements``: within the region, the regional table's scope).
    cross_programme: bool = False
    programmes: list[Literal["asiel", "oek"]] = Field(default_factory=lambda: ["asiel", "oek"])
    rate: float = Field(default=1.0, gt=0)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _programmes(self) -> SwapSettings:
        if sorted(self.programmes) != ["asiel", "oek"]:
            raise Problem(Words("sc_programmes"), Words("sc_programmes_fix"))
        return self


class StartDelay(_Model):
    """A triangular distribution of the delay (days) of a candidate's start, for risk
    runs: ``min`` <= ``mode`` (most likely) <= ``max``. A draw whose delayed start falls
    after the window start cannot count."""

    min: float = Field(default=0, ge=0)
    mode: float = Field(ge=0)
    max: float = Field(ge=0)

    @model_validator(mode="after")
    def _order(self) -> StartDelay:
        if not self.min <= self.mode <= self.max:
            raise Problem(
                Words(
                    "sc_delay_order",
                    min=f"{self.min:g}",
                    mode=f"{self.mode:g}",
                    max=f"{self.max:g}",
                ),
                Words("sc_delay_order_fix"),
            )
        return self


class Candidate(_Model):
    """A site that may be opened, or an existing location that may be extended/enlarged.

    ``probability`` (of being realised in time) and ``start_delay_days`` matter only to
    risk runs (:mod:`planner.risk.sweep`); a plain solve assumes the candidate materialises.
    """

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
    municipality: str | None = None
    kind: Literal["new", "extend", "enlarge"] = "new"
    location: str | None = None
    min_places: int = Field(default=0, ge=0)
    max_places: int | None = Field(default=None, ge=0)
    target_group: Literal["asiel", "amv", "oek"] = "asiel"
    #: ``oek``: places for Ukrainian displaced persons (issue 12), counted against the
    #: OEK obligation at the OEK reference date, not for the asylum cycle
    #: (``target_group: oek`` says the same).
    programme: Literal["asiel", "oek"] = "asiel"
    start: ScenarioDate = None
    end: ScenarioDate = None
    cost: float = Field(default=1.0, ge=0)
    must_open: bool = False
    probability: float | None = Field(default=None, ge=0, le=1)
    start_delay_days: StartDelay | None = None
    note: str | None = None
    decision_date: ScenarioDate = None
    lead_months: int | None = Field(default=None, ge=0)
    min_years: int | None = Field(default=None, ge=0)
    #: Location type (``regulier``, ``TGO``, ...), checked against a cycle's ``types``
    #: rule; blank: an extension or enlargement has its location's type, a new site is
    #: not checked (and the plan says so).
    type: str | None = None

    @property
    def earliest_start(self) -> date | None:
        """The earliest date it can be in use: ``start``, or the decision date plus the
        lead time (a plan over the years chooses the month it opens from here on)."""
        if self.start is not None:
            return self.start
        if self.decision_date is not None and self.lead_months is not None:
            import pandas as pd

            moved = pd.Timestamp(self.decision_date) + pd.DateOffset(months=self.lead_months)
            return moved.date()
        return None

    @model_validator(mode="after")
    def _check(self) -> Candidate:
        if self.start is None and self.decision_date is not None and self.lead_months is not None:
            object.__setattr__(self, "start", self.earliest_start)
        if self.target_group == "oek" or self.programme == "oek":
            if self.target_group == "amv":
                raise Problem(Words("sc_oek_not_amv"), Words("sc_oek_not_amv_fix"))
            if self.kind != "new":
                raise Problem(Words("sc_oek_new_site"), Words("sc_oek_new_site_fix"))
            object.__setattr__(self, "programme", "oek")
            object.__setattr__(self, "target_group", "oek")
        if self.kind == "new":
            if self.municipality is None:
                raise Problem(Words("sc_new_needs_municipality"), Words("pyd_missing_fix"))
            if self.max_places is None:
                raise Problem(Words("sc_new_needs_max"), Words("pyd_missing_fix"))
            if self.start is None:
                raise Problem(Words("sc_new_needs_start"), Words("pyd_missing_fix"))
        elif self.location is None:
            raise Problem(
                Words("sc_needs_location", kind=self.kind), Words("sc_needs_location_fix")
            )
        if self.max_places is not None and self.min_places > self.max_places:
            raise Problem(
                Words("sc_min_above_max", min=self.min_places, max=self.max_places),
                Words("sc_min_above_max_fix"),
            )
        if self.start and self.end and self.end < self.start:
            raise Problem(
                Words(
                    "ds_end_before_start", what=Words("ds_what_end"), end=self.end, start=self.start
                ),
                Words("ds_end_before_start_fix"),
            )
        return self


class LocationChange(_Model):
    """An edit to an existing location: new places, dates or decision, or closing it."""

    location: str = Field(min_length=1)
    places: int | None = Field(default=None, ge=0)
    start: ScenarioDate = None
    end: ScenarioDate = None
    end_indefinite: bool = False
    decided: bool | None = None
    close: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _check(self) -> LocationChange:
        if self.end_indefinite and self.end is not None:
            raise Problem(Words("sc_end_and_indefinite"), Words("sc_end_and_indefinite_fix"))
        return self


class Limits(_Model):
    """Budget limits on candidates."""

    max_new_locations: int | None = Field(default=None, ge=0)
    max_new_places: int | None = Field(default=None, ge=0)
    max_cost: float | None = Field(default=None, ge=0)


class SolverSettings(_Model):
    """Which solver, and how long it may take."""

    name: Literal["auto", "highs", "cbc"] = "auto"
    time_limit: float = Field(default=60.0, gt=0)
    engine: Literal["auto", "pulp", "matrix"] = "auto"
    tie_break: bool = True


Probability = Annotated[float, Field(ge=0, le=1)]


class RiskSettings(_Model):
    """Assumptions for risk runs, by candidate id, so that a scenario can add them to
    candidates it inherits (``extends:``) without restating them. A value here replaces
    the candidate's own ``probability`` / ``start_delay_days``."""

    probability: dict[str, Probability] = Field(default_factory=dict)
    start_delay_days: dict[str, StartDelay] = Field(default_factory=dict)


class Horizon(_Model):
    """A plan over the years: months from ``start`` to ``end`` (both included) and the
    cycles whose windows it plans for (default: every cycle of the data with quotas
    whose window starts in the horizon)."""

    start: ScenarioDate
    end: ScenarioDate
    cycles: list[str] | None = None

    @model_validator(mode="after")
    def _order(self) -> Horizon:
        if self.start is None or self.end is None or self.end < self.start:
            raise Problem(
                Words("sc_horizon_order", end=self.end, start=self.start),
                Words("ds_end_before_start_fix"),
            )
        return self


class Scenario(_Model):
    """One scenario. Only ``name`` is required.

    Examples
    --------
    >>> s = Scenario(name="Borne opens", candidates=[{"id": "borne-new",
    ...     "municipality": "Borne", "max_places": 150, "start": "2025-05-01"}])
    >>> s.candidates[0].max_places, s.swaps.policy
    (150, 'agreements')
    """

    name: str = Field(min_length=1)
    description: str = ""
    extends: str | None = None
    cycle: CycleSpec = Field(default_factory=CycleSpec)
    swaps: SwapSettings = Field(default_factory=SwapSettings)
    candidates: list[Candidate] = Field(default_factory=list)
    location_changes: list[LocationChange] = Field(default_factory=list)
    limits: Limits = Field(default_factory=Limits)
    objective: list[Objective] = Field(default_factory=lambda: list(DEFAULT_OBJECTIVE))
    solver: SolverSettings = Field(default_factory=SolverSettings)
    risk: RiskSettings = Field(default_factory=RiskSettings)
    horizon: Horizon | None = None

    @model_validator(mode="before")
    @classmethod
    def _cross_objective(cls, data: Any) -> Any:
        """With swaps across programmes the second programme's shortfall is a level too:
        where the scenario does not place it, right after the asylum shortfall levels
        (asylum first)."""
        if not isinstance(data, dict):
            return data
        swaps = data.get("swaps")
        cross = (isinstance(swaps, dict) and swaps.get("cross_programme") is True) or bool(
            getattr(swaps, "cross_programme", False)
        )
        # OEK candidates (issue 12): the OEK shortfall they lower is a level too
        cands = data.get("candidates")
        cross = cross or (
            isinstance(cands, list)
            and any(
                "oek" in (c.get("programme"), c.get("target_group"))
                if isinstance(c, dict)
                else getattr(c, "programme", None) == "oek"
                for c in cands
            )
        )
        objective = data.get("objective")
        if not cross or (isinstance(objective, list) and CROSS_OBJECTIVE in objective):
            return data
        order = list(objective) if isinstance(objective, list) else list(DEFAULT_OBJECTIVE)
        asylum = [i for i, o in enumerate(order) if o in DEFAULT_OBJECTIVE[:3]]
        at = (max(asylum) + 1) if len(asylum) == 3 else len(order)
        if len(asylum) < 3:  # the rest of the asylum levels come first (default order)
            order += [o for o in DEFAULT_OBJECTIVE[:3] if o not in order]
            at = len(order)
        return {**data, "objective": [*order[:at], CROSS_OBJECTIVE, *order[at:]]}

    @field_validator("objective")
    @classmethod
    def _objective(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise Problem(Words("sc_objective_twice"), Words("sc_objective_twice_fix"))
        # Levels not named come last, in the default order, so every run is fully
        # determined: a scenario that only says [municipal_shortfall] still prefers
        # fewer new places and fewer swaps among equally good answers.
        return [*value, *(o for o in DEFAULT_OBJECTIVE if o not in value)]

    @model_validator(mode="after")
    def _unique_ids(self) -> Scenario:
        for what, ids in (
            ("candidate", [c.id for c in self.candidates]),
            ("swap", [s.id for s in self.swaps.records]),
        ):
            dup = {i for i in ids if ids.count(i) > 1}
            if dup:
                raise Problem(
                    Words(f"sc_{what}_id_twice", id=sorted(dup)[0]), Words("sc_id_twice_fix")
                )
        ids = [c.id for c in self.candidates]
        for key in ("probability", "start_delay_days"):
            for cid in getattr(self.risk, key):
                if cid not in ids:
                    hint = suggest(cid, ids)
                    raise Problem(
                        Words("sc_risk_not_candidate", key=key, id=cid),
                        words_then(hint, Words("sc_risk_not_candidate_fix")),
                    )
        return self

    def probability(self, candidate: str) -> float | None:
        """The probability that a candidate is realised in time (None: not uncertain)."""
        if candidate in self.risk.probability:
            return self.risk.probability[candidate]
        return next((c.probability for c in self.candidates if c.id == candidate), None)

    def start_delay(self, candidate: str) -> StartDelay | None:
        """The distribution of a candidate's start delay (None: starts as given)."""
        if candidate in self.risk.start_delay_days:
            return self.risk.start_delay_days[candidate]
        return next((c.start_delay_days for c in self.candidates if c.id == candidate), None)


# --------------------------------------------------------------------------- loading


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    model: type[BaseModel] | None = Scenario
    for part in loc:
        if model is None or isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        if field is None:
            alias = {f.alias: f for f in model.model_fields.values() if f.alias}
            field = alias.get(str(part))
        if field is None:
            return model
        ann = field.annotation
        args = getattr(ann, "__args__", ())
        inner = next(
            (a for a in (ann, *args) if isinstance(a, type) and issubclass(a, BaseModel)), None
        )
        model = inner
    return model


def _issues(exc: ValidationError, label: str) -> list[Issue]:
    out = []
    for err in exc.errors():
        loc = err["loc"]
        path = _path(loc)
        kind = err["type"]
        value = err.get("input")
        if kind == "extra_forbidden":
            parent = _model_at(loc[:-1])
            allowed = []
            if parent is not None:
                allowed = [f.alias or n for n, f in parent.model_fields.items()]
            hint = suggest(str(loc[-1]), allowed)
            out.append(
                Issue(
                    label,
                    Words("sc_unknown_key", key=str(loc[-1])),
                    words_then(hint, Words("sc_allowed_keys", keys=", ".join(allowed))),
                    column=path,
                )
            )
            continue
        if kind == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",")]
            hint = suggest(short(value), options) if value is not None else ""
            out.append(
                Issue(
                    label,
                    Words("pyd_literal"),
                    words_then(hint, Words("pyd_literal_fix", options=", ".join(options))),
                    column=path,
                    value=short(value),
                )
            )
            continue
        if kind == "missing":
            out.append(Issue(label, Words("pyd_missing"), Words("pyd_missing_fix"), column=path))
            continue
        if kind == "string_type" and isinstance(value, bool | int | float):
            # YAML 1.1 reads ``name: no`` as false and ``name: 2025`` as a number; names
            # are text, so the rule is: such a word is refused and quoting it is the fix.
            what = Words("kind_bool") if isinstance(value, bool) else Words("kind_number")
            example = ("no" if value is False else "yes") if isinstance(value, bool) else value
            out.append(Issue(label, Words("yaml_not_text", kind=what),
                             Words("yaml_not_text_fix", key=str(loc[-1]), example=str(example)),
                             column=path, value=short(value)))  # fmt: skip
            continue
        if path.endswith("probability") or ".probability." in path:
            out.append(
                Issue(label, Words("sc_not_probability"), Words("sc_not_probability_fix"),
                      column=path, value=None if value is None else short(value))
            )  # fmt: skip
            continue
        message, fix = pydantic_words(err)
        if kind == "string_pattern_mismatch":
            message, fix = Words("pyd_pattern_id"), Words("pyd_pattern_id_fix")
        shown = (
            None if isinstance(value, dict | list) else (None if value is None else short(value))
        )
        out.append(Issue(label, message, fix, column=path or None, value=shown))
    return out


def read_yaml_text(text: str, label: str = "<scenario>") -> dict[str, Any]:
    """A scenario's YAML text as a mapping, or an InputError naming the YAML line.

    The one place scenario text is parsed: files (:func:`load_scenario`), uploads and
    the database (:mod:`planner.app.editing`) all come through here.
    """
    raw = load_yaml(text, label)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise InputError(
            [Issue(label, Words("sc_not_mapping"), "")],
            Words("scenario_unreadable"),
        )
    return raw


def _read_yaml(path: Path) -> dict[str, Any]:
    label = str(path)
    if not path.exists():
        raise InputError(
            [Issue(label, Words("sc_file_not_found"), Words("sc_file_not_found_fix"))],
            Words("scenario_unreadable"),
        )
    if not path.is_file():
        raise InputError([Issue(label, Words("not_a_file"), Words("sc_give_yaml_fix"))],
                         Words("scenario_unreadable"))  # fmt: skip
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            [Issue(label, Words("dl_not_utf8"), Words("sc_save_utf8_fix"))],
            Words("scenario_unreadable"),
        ) from None
    except OSError as exc:
        raise InputError(
            [
                Issue(
                    label,
                    Words("unreadable_file", reason=os_reason(exc)),
                    Words("unreadable_file_fix"),
                )
            ],
            Words("scenario_unreadable"),
        ) from None
    return read_yaml_text(text, label)


def merge_scenario_data(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """A child scenario's keys replace its parent's; mappings merge key by key; lists
    of items with an ``id`` (or ``location``) merge by that id."""
    out = dict(base)
    for key, value in child.items():
        if key in ("extends", "name", "description"):
            out[key] = value
            continue
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            out[key] = merge_scenario_data(old, value)
        elif isinstance(old, list) and isinstance(value, list) and _keyed(old + value):
            merged = {_key(i): i for i in old}
            for item in value:
                if item.get("remove"):
                    merged.pop(_key(item), None)
                else:
                    merged[_key(item)] = item
            out[key] = list(merged.values())
        else:
            out[key] = value
    return out


def _key(item: dict[str, Any]) -> str:
    return str(item.get("id", item.get("location")))


def _keyed(items: list[Any]) -> bool:
    return all(isinstance(i, dict) and ("id" in i or "location" in i) for i in items)


def _raw_issues(raw: Any, label: str, path: str = "") -> list[Issue]:
    """Values no model check should see: whole numbers beyond :data:`MAX_COUNT` (numpy
    would overflow later), infinite or NaN numbers (``.inf`` as a cost leaves the model
    without an answer) and control characters in text (Excel refuses them)."""
    out: list[Issue] = []
    stack: list[tuple[str, Any]] = [(path, raw)]
    while stack and len(out) < 20:
        where, value = stack.pop()
        if isinstance(value, dict):
            for k, v in reversed(list(value.items())):
                stack.append((f"{where}.{k}" if where else str(k), v))
        elif isinstance(value, list):
            for i, v in reversed(list(enumerate(value))):
                stack.append((f"{where}[{i}]", v))
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_COUNT:
            limit = f"{MAX_COUNT:,}"
            out.append(Issue(label, Words("too_large", limit=limit),
                             Words("too_large_fix", limit=limit), column=where or None,
                             value=short(value)))  # fmt: skip
        elif isinstance(value, float) and not math.isfinite(value):
            out.append(Issue(label, Words("not_finite"), Words("not_finite_fix"),
                             column=where or None, value=short(value)))  # fmt: skip
        elif isinstance(value, str) and (hit := control_char(value)):
            out.append(Issue(label, Words("control_char", code=hit[1], pos=hit[0]),
                             Words("control_char_fix"), column=where or None))  # fmt: skip
    return out


def _nfc(value: Any) -> Any:
    """Every text in NFC, so a name typed decomposed (NFD) equals the data's."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    return value


def parse_scenario(raw: dict[str, Any], label: str = "<scenario>") -> Scenario:
    """Validate a scenario mapping (already merged with its parents)."""
    early = _raw_issues(raw, label)
    if early:
        raise InputError(early, Words("sc_title_problems", label=label))
    raw = _nfc(raw)  # the editor's tables too, not only YAML text
    try:
        return Scenario.model_validate(raw)
    except ValidationError as exc:
        raise InputError(_issues(exc, label), Words("sc_title_problems", label=label)) from None


def _resolve(path: Path, seen: tuple[Path, ...]) -> dict[str, Any]:
    raw = _read_yaml(path)
    parent = raw.get("extends")
    if not parent:
        return raw
    if not isinstance(parent, str) or control_char(parent) or len(parent) > 1000:
        raise InputError(
            [Issue(str(path), Words("sc_extends_name"), Words("sc_extends_name_fix"),
                   column="extends", value=short(parent))],
            Words("scenario_unreadable"),
        )  # fmt: skip
    parent_path = (path.parent / parent).resolve()
    root = seen[0].parent  # the folder of the file given on the command line
    if not parent_path.is_relative_to(root):
        # A scenario from elsewhere (an e-mail, a download) must not make the tool read
        # any file it can reach: only files in or below its own folder.
        raise InputError(
            [Issue(str(path), Words("extends_outside", target=short(parent)),
                   Words("extends_outside_fix"), column="extends")],
            Words("scenario_unreadable"),
        )  # fmt: skip
    if parent_path.exists() and not parent_path.is_file():
        raise InputError(
            [Issue(str(path), Words("extends_not_file", target=short(parent)),
                   Words("sc_relative_path_fix"), column="extends")],
            Words("scenario_unreadable"),
        )  # fmt: skip
    if parent_path in seen:
        chain = " -> ".join(p.name for p in (*seen, parent_path))
        raise InputError(
            [
                Issue(
                    str(path),
                    Words("sc_extends_cycle", chain=chain),
                    Words("sc_extends_cycle_fix"),
                    column="extends",
                )
            ],
            Words("scenario_unreadable"),
        )
    if not parent_path.exists():
        siblings = [p.name for p in path.parent.glob("*.y*ml")]
        hint = suggest(str(parent), siblings)
        raise InputError(
            [
                Issue(
                    str(path),
                    Words("sc_extends_missing", target=repr(parent)),
                    words_then(hint, Words("sc_relative_path_fix")),
                    column="extends",
                )
            ],
            Words("scenario_unreadable"),
        )
    base = _resolve(parent_path, (*seen, parent_path))
    return merge_scenario_data(base, raw)


def load_scenario(path: str | Path, ds: Dataset | None = None) -> Scenario:
    """Read, merge (``extends``) and validate a scenario file.

    Parameters
    ----------
    path
        The YAML file.
    ds
        When given, names and ids in the scenario are checked against the data.

    Raises
    ------
    InputError
        With file, key path, the problem and the nearest valid names.

    Examples
    --------
    >>> from planner.data.loader import default_data_dir
    >>> s = load_scenario(default_data_dir().parent / "scenarios" / "base.yaml")
    >>> s.swaps.policy
    'agreements'
    """
    path = Path(path).resolve()
    raw = _resolve(path, (path,))
    scenario = parse_scenario(raw, str(path))
    if ds is not None:
        check_against_data(scenario, ds, str(path))
    return scenario


def check_against_data(scenario: Scenario, ds: Dataset, label: str = "<scenario>") -> None:
    """Every municipality and location the scenario names must exist in the data."""
    issues: list[Issue] = []
    munis = ds.municipality_names
    country = list(ds.population["name"]) if not ds.population.empty else []
    locs = list(ds.locations["id"])

    def muni(value: str | None, path: str, outside_ok: bool = False) -> None:
        if value is None or value in munis or (outside_ok and value in country):
            return
        hint = suggest(value, munis + (country if outside_ok else []))
        issues.append(
            Issue(
                label,
                Words("err_unknown_municipality", name=short(value)),
                words_then(hint, Words("sc_municipality_fix")),
                column=path,
                value=short(value),
            )
        )

    def loc(value: str | None, path: str) -> None:
        if value is None or value in locs:
            return
        hint = suggest(value, locs)
        issues.append(
            Issue(
                label,
                Words("sc_unknown_location", id=short(value)),
                words_then(hint, Words("sc_location_fix")),
                column=path,
                value=short(value),
            )
        )

    for i, c in enumerate(scenario.candidates):
        muni(c.municipality, f"candidates[{i}].municipality")
        loc(c.location, f"candidates[{i}].location")
        if c.kind != "new" and c.location in locs and c.municipality is not None:
            actual = ds.locations.loc[ds.locations["id"] == c.location, "municipality"].iloc[0]
            if actual != c.municipality:
                issues.append(
                    Issue(
                        label,
                        Words(
                            "sc_location_elsewhere",
                            id=str(c.location),
                            actual=str(actual),
                            given=str(c.municipality),
                        ),
                        Words("sc_location_elsewhere_fix"),
                        column=f"candidates[{i}].municipality",
                    )
                )
    for i, ch in enumerate(scenario.location_changes):
        loc(ch.location, f"location_changes[{i}].location")
    for key in ("givers", "receivers"):
        for i, name in enumerate(getattr(scenario.swaps, key) or []):
            muni(name, f"swaps.{key}[{i}]")
    for i, s in enumerate(scenario.swaps.records):
        muni(s.from_municipality, f"swaps.register[{i}].from", outside_ok=True)
        muni(s.to_municipality, f"swaps.register[{i}].to")
    if scenario.cycle.id is not None and scenario.cycle.id not in set(ds.cycles["id"]):
        hint = suggest(scenario.cycle.id, ds.cycles["id"])
        issues.append(
            Issue(
                label,
                Words("dl_unknown_cycle", cycle=str(scenario.cycle.id)),
                words_then(hint, Words("sc_cycle_fix")),
                column="cycle.id",
            )
        )
    if issues:
        raise InputError(issues, Words("sc_title_data", label=label))


def scenario_hash(scenario: Scenario) -> str:
    """A stable hash of the scenario's content (not of its file's formatting)."""
    exclude: dict = {"name": True, "description": True, "extends": True}
    # Keys added for risk runs are left out while unused, so the hash of a scenario
    # that does not use them is what it was before they existed.
    if scenario.risk == RiskSettings():
        exclude["risk"] = True
    unused = set()
    if all(c.start_delay_days is None for c in scenario.candidates):
        unused.add("start_delay_days")
    if all(c.programme == "asiel" for c in scenario.candidates):
        unused.add("programme")  # the hash of an asylum-only scenario is what it was
    if unused:
        exclude["candidates"] = {"__all__": unused}
    text = scenario.model_dump_json(by_alias=True, exclude=exclude)
    return hashlib.sha256(text.encode()).hexdigest()
