"""The schema of every input table, declared once.

Each table in ``data/`` has a row model here. The loader validates every row against it
and collects all problems of a file before it reports; the tests build small tables
through the same models. A column's meaning is documented in ``data/README.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from planner.data.dates import DateKind, DateParseError, ParsedDate, parse_date_cell
from planner.errors import Problem
from planner.formats import Words

__all__ = [
    "TABLES",
    "TableSpec",
    "MunicipalityRow",
    "LocationRow",
    "SoftPlanRow",
    "SwapRow",
    "OverrideRow",
    "CycleRow",
    "QuotaRow",
    "PopulationRow",
    "AdjacencyRow",
    "ProgrammeRow",
    "ProgrammeTargetRow",
    "ProgrammeLocationRow",
    "PROGRAMMES",
    "LOCATION_PROGRAMMES",
    "CYCLE_STATUSES",
    "TARGET_GROUPS",
    "LOCATION_TYPES",
    "SWAP_STATUSES",
]

TARGET_GROUPS = ("asiel", "amv")
LOCATION_TYPES = ("regulier", "TGO", "noodopvang", "IBO", "amv", "ROL")
SWAP_STATUSES = ("proposed", "agreed", "locked", "failed")
CYCLE_STATUSES = ("decided", "assumed")
#: The programmes at the regional tables: asylum incl. amv, Ukrainian displaced persons
#: (OEK), status holders.
PROGRAMMES = ("asiel", "oek", "statushouders")
#: What the places of a location are for: asylum and amv (locations.csv), OEK reception,
#: status holders' transit locations (doorstroom) and small-scale amv reception (kso).
LOCATION_PROGRAMMES = ("asiel", "amv", "oek", "doorstroom", "kso", "statushouders")

_TRUE = {"yes", "y", "ja", "j", "true", "1", "waar"}
_FALSE = {"no", "n", "nee", "false", "0", "onwaar"}


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and value.strip() == "":
        return None
    return value


def _yes_no(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise Problem(Words("pyd_not_bool"), Words("ds_yes_no_fix", value=repr(value)))


def _date_cell(value: Any) -> ParsedDate:
    if isinstance(value, ParsedDate):
        return value
    try:
        return parse_date_cell(None if value is None else str(value))
    except DateParseError as exc:
        raise Problem(exc.reason, exc.fix) from None


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


YesNo = Annotated[bool, BeforeValidator(_yes_no)]
OptYesNo = Annotated[bool | None, BeforeValidator(_yes_no), BeforeValidator(_blank_to_none)]
DateCell = Annotated[ParsedDate, BeforeValidator(_date_cell)]
Text = Annotated[str, BeforeValidator(_strip)]
OptText = Annotated[str | None, BeforeValidator(_blank_to_none), BeforeValidator(_strip)]
NonNegInt = Annotated[int, Field(ge=0)]
OptNonNegInt = Annotated[int | None, Field(ge=0), BeforeValidator(_blank_to_none)]
Ident = Annotated[
    str, BeforeValidator(_strip), Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _check_period(start: ParsedDate, end: ParsedDate, what: str = "end") -> None:
    if (
        start.kind is DateKind.DATE
        and end.kind is DateKind.DATE
        and start.value is not None
        and end.value is not None
        and end.value < start.value
    ):
        raise Problem(
            Words(
                "ds_end_before_start",
                what=Words(f"ds_what_{what}"),
                end=end.value,
                start=start.value,
            ),
            Words("ds_end_before_start_fix"),
        )


class MunicipalityRow(_Row):
    """A municipality of the province.

    Its quota per cycle lives in ``quotas.csv``; ``quota`` and ``amv_quota`` here are
    optional and, when filled (older data folders, the national generator), are the
    quotas of the first cycle.
    """

    code: Annotated[str, Field(pattern=r"^GM\d{4}$")]
    name: Text
    region: Text
    province: Text
    quota: OptNonNegInt = None
    amv_quota: OptNonNegInt = None
    coa_fixed_stock: OptNonNegInt = None
    ukraine_obligation_2025: OptNonNegInt = None
    ukraine_realised_2025: OptNonNegInt = None
    statusholder_target_2024_2: OptNonNegInt = None
    statusholder_target_2024_2_incl_backlog: OptNonNegInt = None
    source: Text

    @model_validator(mode="after")
    def _amv_within_quota(self) -> MunicipalityRow:
        if (self.quota is None) != (self.amv_quota is None):
            raise Problem(Words("ds_quota_together"), Words("ds_quota_together_fix"))
        if self.quota is not None and self.amv_quota > self.quota:
            raise Problem(
                Words("ds_amv_above_quota", amv=self.amv_quota, quota=self.quota),
                Words("ds_amv_above_quota_fix"),
            )
        return self


class LocationRow(_Row):
    """An asylum or amv reception location, existing, planned or a soft plan."""

    id: Ident
    municipality: Text
    name: Text
    places: NonNegInt
    places_max: OptNonNegInt = None
    target_group: Literal["asiel", "amv"]
    type: Literal["regulier", "TGO", "noodopvang", "IBO", "amv", "ROL"]
    operator: Literal["COA", "gemeente"] | None = None
    start: DateCell
    end: DateCell
    end_unknown: Literal["beyond_minimum", "unknown"] | None = None
    decided: YesNo
    status: Literal["existing", "planned", "soft_plan"]
    source: Text = Field(min_length=1)
    note: OptText = None
    #: Optional: asiel or amv, as the target group (the programmes of other places are in
    #: programme_locations.csv).
    programme: Literal["asiel", "amv"] | None = None
    toelichting: OptText = None  # the note in Dutch (the users' language)

    @model_validator(mode="before")
    @classmethod
    def _blanks(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key in ("operator", "end_unknown", "places_max", "programme"):
                data[key] = _blank_to_none(data.get(key))
        return data

    @model_validator(mode="after")
    def _consistent(self) -> LocationRow:
        _check_period(self.start, self.end)
        if self.programme is not None and self.programme != self.target_group:
            raise Problem(
                Words("ds_programme_differs", programme=self.programme, group=self.target_group),
                Words("ds_programme_differs_fix"),
            )
        if self.places_max is not None and self.places_max < self.places:
            raise Problem(
                Words("ds_max_below", max=self.places_max, places=self.places),
                Words("ds_max_below_fix"),
            )
        if self.end.kind is DateKind.UNKNOWN and self.end_unknown is None:
            raise Problem(Words("ds_end_unknown_kind"), Words("ds_end_unknown_kind_fix"))
        if self.end_unknown is not None and self.end.kind is not DateKind.UNKNOWN:
            raise Problem(
                Words("ds_end_unknown_set", value=self.end_unknown),
                Words("ds_end_unknown_set_fix"),
            )
        return self


class SoftPlanRow(_Row):
    """An administrative intention (bestuurlijk voornemen) of the provincial plan."""

    id: Ident
    municipality: Text
    places: OptNonNegInt = None
    places_max: OptNonNegInt = None
    target_group: Literal["asiel", "amv"]
    start: DateCell
    end: DateCell
    decided: YesNo
    location_id: OptText = None
    source: Text = Field(min_length=1)
    note: OptText = None
    toelichting: OptText = None  # the note in Dutch (the users' language)

    @model_validator(mode="after")
    def _consistent(self) -> SoftPlanRow:
        _check_period(self.start, self.end)
        if self.places_max is not None and (self.places or 0) > self.places_max:
            raise Problem(
                Words("ds_max_below", max=self.places_max, places=self.places),
                Words("ds_max_below_fix"),
            )
        return self


class SwapRow(_Row):
    """An agreement that places hosted in one municipality count for another."""

    id: Ident
    from_municipality: Text
    to_municipality: Text
    places: NonNegInt
    amv_places: NonNegInt = 0
    start: DateCell
    end: DateCell
    status: Literal["proposed", "agreed", "locked", "failed"]
    condition_municipality: OptText = None
    condition_places: OptNonNegInt = None
    condition_date: DateCell = ParsedDate(DateKind.EMPTY)
    counter_programme: OptText = None
    counter_places: OptNonNegInt = None
    source: Text = Field(min_length=1)
    note: OptText = None
    toelichting: OptText = None  # the note in Dutch (the users' language)
    cycle: OptText = None

    @model_validator(mode="before")
    @classmethod
    def _blanks(cls, data: Any) -> Any:
        if isinstance(data, dict) and _blank_to_none(data.get("amv_places")) is None:
            data["amv_places"] = 0
        return data

    @model_validator(mode="after")
    def _consistent(self) -> SwapRow:
        _check_period(self.start, self.end)
        if self.from_municipality == self.to_municipality:
            raise Problem(Words("ds_swap_same"), Words("ds_swap_same_fix"))
        if self.amv_places > self.places:
            raise Problem(
                Words("ds_amv_above_places", amv=self.amv_places, places=self.places),
                Words("ds_amv_above_places_fix"),
            )
        if self.counter_programme is not None and self.counter_places is None:
            raise Problem(
                Words("ds_counter_places", programme=self.counter_programme),
                Words("ds_counter_places_fix"),
            )
        if self.counter_places is not None and self.counter_programme is None:
            raise Problem(Words("ds_counter_programme"), Words("ds_counter_programme_fix"))
        cond = (self.condition_municipality, self.condition_places)
        if any(c is not None for c in cond) and not all(c is not None for c in cond):
            raise Problem(Words("ds_condition_both"), Words("ds_condition_both_fix"))
        return self


class OverrideRow(_Row):
    """An explicit judgment that replaces the date rule for one location or swap."""

    id: Ident
    target: Literal["location", "swap"]
    target_id: Text
    counts: YesNo
    reason: Text = Field(min_length=1)
    source: Text = Field(min_length=1)
    toelichting: OptText = None  # the reason in Dutch (the users' language)
    cycle: OptText = None


def _types_cell(value: Any) -> Any:
    """``regulier;TGO`` (or commas) as a sorted tuple of location types; blank = all."""
    if value is None or isinstance(value, tuple):
        return value
    parts = [p.strip() for p in re.split(r"[;,|]", str(value)) if p.strip()]
    if not parts:
        return None
    bad = [p for p in parts if p not in LOCATION_TYPES]
    if bad:
        raise Problem(
            Words("ds_unknown_type", type=bad[0]),
            Words("ds_unknown_type_fix", types=", ".join(LOCATION_TYPES)),
        )
    return tuple(sorted(set(parts), key=LOCATION_TYPES.index))


class CycleRow(_Row):
    """The counting rules of one cycle of the law.

    ``min_years``, ``min_places`` and ``types`` are the rules of later cycles (only
    durable places count); blank means no such rule, as in cycle 1. ``status`` says
    whether the rules and quotas are decided or an assumption of this data set.
    """

    id: Ident
    name: Text
    window_start: DateCell
    window_end: DateCell
    require_decision: YesNo
    soft_plans_count: YesNo
    min_years: OptNonNegInt = None
    min_places: OptNonNegInt = None
    types: Annotated[
        tuple[str, ...] | None, BeforeValidator(_types_cell), BeforeValidator(_blank_to_none)
    ] = None
    status: Annotated[
        Literal["decided", "assumed"], BeforeValidator(lambda v: _blank_to_none(v) or "decided")
    ] = "decided"
    source: Text = Field(min_length=1)
    toelichting: OptText = None  # the source in Dutch (the users' language)

    @model_validator(mode="after")
    def _window(self) -> CycleRow:
        for label, cell in (("window_start", self.window_start), ("window_end", self.window_end)):
            if cell.kind is not DateKind.DATE:
                raise Problem(Words("ds_must_be_date", column=label), Words("ds_must_be_date_fix"))
        _check_period(self.window_start, self.window_end, "window_end")
        return self


class QuotaRow(_Row):
    """A municipality's quota (total incl. amv, and amv) for one cycle."""

    cycle: Ident
    municipality: Text
    quota: NonNegInt
    amv_quota: NonNegInt
    source: Text = Field(min_length=1)

    @model_validator(mode="after")
    def _amv_within_quota(self) -> QuotaRow:
        if self.amv_quota > self.quota:
            raise Problem(
                Words("ds_amv_above_quota", amv=self.amv_quota, quota=self.quota),
                Words("ds_amv_above_quota_fix"),
            )
        return self


class PopulationRow(_Row):
    """CBS population on 1 January 2024 of every municipality of the country."""

    code: Annotated[str, Field(pattern=r"^GM\d{4}$")]
    name: Text
    population_2024: NonNegInt


class AdjacencyRow(_Row):
    """Two municipalities that share a border (CBS 2024 borders), for the ``neighbours``
    swap policy and the national generator. A row states the pair once; the relation is
    symmetric."""

    gm_code_a: Annotated[str, Field(pattern=r"^GM\d{4}$")]
    naam_a: OptText = None
    gm_code_b: Annotated[str, Field(pattern=r"^GM\d{4}$")]
    naam_b: OptText = None
    approx_shared_border_m: OptNonNegInt = None
    borderline: OptText = None

    @model_validator(mode="after")
    def _two_municipalities(self) -> AdjacencyRow:
        if self.gm_code_a == self.gm_code_b:
            raise Problem(Words("ds_same_codes", code=self.gm_code_a), Words("ds_same_codes_fix"))
        return self


class ProgrammeRow(_Row):
    """One programme and its counting rule, as data (programmes.csv)."""

    id: Literal["asiel", "oek", "statushouders"]
    counting: Literal["cycle_window", "realised_at_reference_date", "realisation_against_target"]
    period: Text = Field(min_length=1)
    reference_date: DateCell = ParsedDate(DateKind.EMPTY)
    quota_column: Literal["quota", "target", "target_incl_backlog"]
    source: Text = Field(min_length=1)
    note: OptText = None

    @model_validator(mode="after")
    def _rule(self) -> ProgrammeRow:
        if self.counting == "cycle_window" and self.id != "asiel":
            raise Problem(Words("ds_only_asiel_window"), Words("ds_only_asiel_window_fix"))
        if self.counting != "cycle_window" and self.reference_date.kind is not DateKind.DATE:
            raise Problem(
                Words("ds_needs_reference", counting=self.counting),
                Words("ds_needs_reference_fix"),
            )
        return self


class ProgrammeTargetRow(_Row):
    """A municipality's target and realisation for one programme and period."""

    id: Ident
    programme: Literal["oek", "statushouders"]
    period: Text = Field(min_length=1)
    municipality: Text
    target: NonNegInt
    target_incl_backlog: OptNonNegInt = None
    realised: OptNonNegInt = None
    reference_date: DateCell = ParsedDate(DateKind.EMPTY)
    private_reception: OptNonNegInt = None
    kso_amv_places: OptNonNegInt = None
    transit_places: OptNonNegInt = None
    transit_places_minimum: OptYesNo = None
    expected_balance: Annotated[int | None, BeforeValidator(_blank_to_none)] = None
    source: Text = Field(min_length=1)
    note: OptText = None

    @model_validator(mode="after")
    def _consistent(self) -> ProgrammeTargetRow:
        if self.realised is not None and self.reference_date.kind is not DateKind.DATE:
            raise Problem(Words("ds_realised_no_date"), Words("ds_realised_no_date_fix"))
        if self.programme == "statushouders" and self.target_incl_backlog is None:
            raise Problem(Words("ds_needs_backlog"), Words("ds_needs_backlog_fix"))
        return self


class ProgrammeLocationRow(_Row):
    """A location for another programme than asylum: OEK reception, transit, kso."""

    id: Ident
    programme: Literal["oek", "doorstroom", "kso", "statushouders"]
    municipality: Text
    name: Text
    places: OptNonNegInt = None
    places_max: OptNonNegInt = None
    start: DateCell
    end: DateCell
    end_unknown: Literal["beyond_minimum", "unknown"] | None = None
    decided: YesNo
    status: Literal["existing", "planned", "soft_plan"]
    lower_level: OptYesNo = None
    location_id: OptText = None
    source: Text = Field(min_length=1)
    note: OptText = None

    @model_validator(mode="before")
    @classmethod
    def _blanks(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key in ("end_unknown", "places_max", "location_id"):
                data[key] = _blank_to_none(data.get(key))
        return data

    @model_validator(mode="after")
    def _consistent(self) -> ProgrammeLocationRow:
        _check_period(self.start, self.end)
        if self.end.kind is DateKind.UNKNOWN and self.end_unknown is None:
            raise Problem(Words("ds_end_unknown_kind"), Words("ds_end_unknown_kind_fix"))
        if self.places_max is not None and (self.places or 0) > self.places_max:
            raise Problem(
                Words("ds_max_below", max=self.places_max, places=self.places),
                Words("ds_max_below_fix"),
            )
        return self


@dataclass(frozen=True)
class TableSpec:
    """Where a table lives and how its rows are checked."""

    name: str
    filename: str
    row_model: type[_Row]
    key: str | None
    required: bool = True

    @property
    def columns(self) -> list[str]:
        return list(self.row_model.model_fields)

    @property
    def required_columns(self) -> list[str]:
        return [n for n, f in self.row_model.model_fields.items() if f.is_required()]


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec("municipalities", "municipalities.csv", MunicipalityRow, "name"),
        TableSpec("locations", "locations.csv", LocationRow, "id"),
        TableSpec("soft_plans", "soft_plans.csv", SoftPlanRow, "id", required=False),
        TableSpec("swaps", "swaps.csv", SwapRow, "id", required=False),
        TableSpec("overrides", "overrides.csv", OverrideRow, "id", required=False),
        TableSpec("cycles", "cycles.csv", CycleRow, "id"),
        TableSpec("quotas", "quotas.csv", QuotaRow, None, required=False),
        TableSpec("population", "cbs_gemeenten_2024.csv", PopulationRow, "code", required=False),
        TableSpec("adjacency", "adjacency_2024.csv", AdjacencyRow, None, required=False),
        TableSpec("programmes", "programmes.csv", ProgrammeRow, "id", required=False),
        TableSpec(
            "programme_targets", "programme_targets.csv", ProgrammeTargetRow, "id", required=False
        ),
        TableSpec(
            "programme_locations",
            "programme_locations.csv",
            ProgrammeLocationRow,
            "id",
            required=False,
        ),
    )
}
