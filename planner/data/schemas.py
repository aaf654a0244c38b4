"""The schema of every input table, declared once.

Each table in ``data/`` has a row model here. The loader validates every row against it
and collects all problems of a file before it reports; the tests build small tables
through the same models. A column's meaning is documented in ``data/README.md``.
"""

from __future__ import annotations

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

__all__ = [
    "TABLES",
    "TableSpec",
    "MunicipalityRow",
    "LocationRow",
    "SoftPlanRow",
    "SwapRow",
    "OverrideRow",
    "CycleRow",
    "PopulationRow",
    "TARGET_GROUPS",
    "LOCATION_TYPES",
    "SWAP_STATUSES",
]

TARGET_GROUPS = ("asiel", "amv")
LOCATION_TYPES = ("regulier", "TGO", "noodopvang", "IBO", "amv", "ROL")
SWAP_STATUSES = ("proposed", "agreed", "locked")

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
    raise ValueError(f"not yes or no. Fix: write yes or no (ja/nee also work), not {value!r}")


def _date_cell(value: Any) -> ParsedDate:
    if isinstance(value, ParsedDate):
        return value
    try:
        return parse_date_cell(None if value is None else str(value))
    except DateParseError as exc:
        raise ValueError(f"{exc.reason}. Fix: {exc.fix}") from None


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
        raise ValueError(
            f"{what} {end.value:%d-%m-%Y} is before start {start.value:%d-%m-%Y}. "
            "Fix: correct one of the two dates"
        )


class MunicipalityRow(_Row):
    """A municipality of the province with its legal quota for the cycle."""

    code: Annotated[str, Field(pattern=r"^GM\d{4}$")]
    name: Text
    region: Text
    province: Text
    quota: NonNegInt
    amv_quota: NonNegInt
    coa_fixed_stock: OptNonNegInt = None
    ukraine_obligation_2025: OptNonNegInt = None
    ukraine_realised_2025: OptNonNegInt = None
    statusholder_target_2024_2: OptNonNegInt = None
    statusholder_target_2024_2_incl_backlog: OptNonNegInt = None
    source: Text

    @model_validator(mode="after")
    def _amv_within_quota(self) -> MunicipalityRow:
        if self.amv_quota > self.quota:
            raise ValueError(
                f"amv_quota {self.amv_quota} is larger than quota {self.quota}. "
                "Fix: the amv quota is part of the total quota; check both numbers"
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
    toelichting: OptText = None  # the note in Dutch (the users' language)

    @model_validator(mode="before")
    @classmethod
    def _blanks(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key in ("operator", "end_unknown", "places_max"):
                data[key] = _blank_to_none(data.get(key))
        return data

    @model_validator(mode="after")
    def _consistent(self) -> LocationRow:
        _check_period(self.start, self.end)
        if self.places_max is not None and self.places_max < self.places:
            raise ValueError(
                f"places_max {self.places_max} is below places {self.places}. "
                "Fix: places is the lower bound of a range, places_max the upper bound"
            )
        if self.end.kind is DateKind.UNKNOWN and self.end_unknown is None:
            raise ValueError(
                "end is n.n.t.b. but end_unknown does not say which kind. Fix: set "
                "end_unknown to beyond_minimum (unknown, but beyond the cycle's minimum) "
                "or unknown (no clarity yet)"
            )
        if self.end_unknown is not None and self.end.kind is not DateKind.UNKNOWN:
            raise ValueError(
                f"end_unknown is {self.end_unknown} but end is not n.n.t.b. "
                "Fix: clear end_unknown or write n.n.t.b. as end"
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
            raise ValueError(
                f"places_max {self.places_max} is below places {self.places}. "
                "Fix: places is the lower bound of a range, places_max the upper bound"
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
    status: Literal["proposed", "agreed", "locked"]
    condition_municipality: OptText = None
    condition_places: OptNonNegInt = None
    condition_date: DateCell = ParsedDate(DateKind.EMPTY)
    counter_programme: OptText = None
    counter_places: OptNonNegInt = None
    source: Text = Field(min_length=1)
    note: OptText = None
    toelichting: OptText = None  # the note in Dutch (the users' language)

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
            raise ValueError(
                "from_municipality and to_municipality are the same. "
                "Fix: a swap moves places between two different municipalities"
            )
        if self.amv_places > self.places:
            raise ValueError(
                f"amv_places {self.amv_places} is more than places {self.places}. "
                "Fix: amv places are part of the places"
            )
        cond = (self.condition_municipality, self.condition_places)
        if any(c is not None for c in cond) and not all(c is not None for c in cond):
            raise ValueError(
                "a condition needs both condition_municipality and condition_places. "
                "Fix: fill in both, or neither"
            )
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


class CycleRow(_Row):
    """The counting rules of one cycle of the law."""

    id: Ident
    name: Text
    window_start: DateCell
    window_end: DateCell
    require_decision: YesNo
    soft_plans_count: YesNo
    source: Text = Field(min_length=1)

    @model_validator(mode="after")
    def _window(self) -> CycleRow:
        for label, cell in (("window_start", self.window_start), ("window_end", self.window_end)):
            if cell.kind is not DateKind.DATE:
                raise ValueError(f"{label} must be a date. Fix: write it as dd-mm-yyyy")
        _check_period(self.window_start, self.window_end, "window_end")
        return self


class PopulationRow(_Row):
    """CBS population on 1 January 2024 of every municipality of the country."""

    code: Annotated[str, Field(pattern=r"^GM\d{4}$")]
    name: Text
    population_2024: NonNegInt


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
        TableSpec("population", "cbs_gemeenten_2024.csv", PopulationRow, "code", required=False),
    )
}
