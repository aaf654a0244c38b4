"""``planner quotas import``: the ministry's table per municipality into quotas.csv."""

from __future__ import annotations

import openpyxl
import pytest

from planner.cli import main
from planner.data.loader import load_dataset
from planner.data.quotas import import_quotas, read_quota_table
from planner.errors import InputError
from tests.counting.test_cycle_rules import CYCLES, LOC, MUN, QUOTAS

ONLY_1 = "".join(line for line in QUOTAS.splitlines(True) if not line.startswith("cycle-2"))


@pytest.fixture
def folder(make_data):
    return make_data(municipalities=MUN, cycles=CYCLES, quotas=ONLY_1, locations=LOC)


def test_semicolon_csv_with_dutch_headers(folder, tmp_path) -> None:
    """As Dutch Excel saves it: semicolons, 'Gemeente', 'Opgave', 'waarvan amv'; a row of
    a municipality of another province (Zwolle) is skipped, not an error."""
    (folder / "cbs_gemeenten_2024.csv").write_text(
        "code,name,population_2024\nGM0001,Aa,1\nGM0002,Bee,1\nGM0193,Zwolle,1\n",
        encoding="utf-8",
    )
    src = tmp_path / "ministerie.csv"
    src.write_text("Gemeente;Opgave;Waarvan amv\nAa;260;16\nbee;95;8\nZwolle;700;60\n",
                   encoding="utf-8")  # fmt: skip
    target, table = import_quotas(src, folder, "2", source="ministry 2026")
    assert table.cycle == "cycle-2" and table.skipped == ["Zwolle"]
    lines = target.read_text(encoding="utf-8").splitlines()
    # cycle 1's rows are kept as they were, cycle 2's appended
    assert lines[:3] == ONLY_1.splitlines()
    assert lines[3:] == ["cycle-2,Aa,260,16,ministry 2026", "cycle-2,Bee,95,8,ministry 2026"]
    ds = load_dataset(folder).for_cycle("2")
    assert ds.municipalities["quota"].tolist() == [260, 95]


def test_reimport_replaces_that_cycle_only(folder, tmp_path) -> None:
    src = tmp_path / "q.csv"
    src.write_text("municipality,quota,amv_quota\nAa,260,16\nBee,95,8\n", encoding="utf-8")
    import_quotas(src, folder, "cycle-2")
    src.write_text("municipality,quota,amv_quota\nAa,270,17\nBee,96,8\n", encoding="utf-8")
    target, _ = import_quotas(src, folder, "cycle-2")
    text = target.read_text(encoding="utf-8")
    assert text.count("cycle-2,") == 2 and "cycle-2,Aa,270,17" in text
    assert text.count("cycle-1,") == 2


def test_xlsx_with_codes(folder, tmp_path) -> None:
    """Excel (first sheet, first non-empty row is the header): CBS codes identify the
    municipalities; whole numbers stored as floats are accepted."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Gemeentecode", "Totaal", "amv"])
    ws.append(["GM0001", 261.0, 16])
    ws.append(["GM0002", 94, 7])
    path = tmp_path / "q.xlsx"
    wb.save(path)
    table = read_quota_table(path, folder, "2")
    assert table.rows[["municipality", "quota", "amv_quota"]].values.tolist() == [
        ["Aa", 261, 16], ["Bee", 94, 7],
    ]  # fmt: skip


@pytest.mark.usefixtures("english")
def test_every_problem_at_once(folder, tmp_path) -> None:
    src = tmp_path / "bad.csv"
    src.write_text(
        "gemeente,opgave,amv\n"
        "Aaa,100,10\n"  # row 2: unknown, did you mean Aa
        "Bee,-3,0\n"  # row 3: negative
        "Bee,50,5\n",  # row 4: duplicate
        encoding="utf-8",
    )
    with pytest.raises(InputError) as exc:
        read_quota_table(src, folder, "2")
    issues = exc.value.issues
    text = str(exc.value)
    assert "unknown municipality 'Aaa'" in text and "did you mean 'Aa'" in text
    assert "opgave -3 is negative" in text
    assert "Bee appears twice, also on row 3" in text
    assert "no row for Aa" in text
    assert {i.line for i in issues if i.line} == {2, 3, 4}
    assert all(i.file == str(src) for i in issues)


@pytest.mark.usefixtures("english")
def test_amv_above_total_and_not_a_number(folder, tmp_path) -> None:
    src = tmp_path / "bad.csv"
    src.write_text("gemeente,opgave,amv\nAa,10,12\nBee,veel,1\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_quota_table(src, folder, "2")
    text = str(exc.value)
    assert "amv 12 is more than the total 10 for Aa" in text
    assert "'veel' is not a whole number" in text


@pytest.mark.usefixtures("english")
def test_missing_column_and_unknown_cycle(folder, tmp_path) -> None:
    src = tmp_path / "bad.csv"
    src.write_text("gemeente,opgave\nAa,10\nBee,5\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column for amv_quota"):
        read_quota_table(src, folder, "2")
    with pytest.raises(InputError, match="unknown cycle 'cycle-9'"):
        read_quota_table(src, folder, "cycle-9")


def test_failed_import_leaves_the_file(folder, tmp_path) -> None:
    before = (folder / "quotas.csv").read_bytes()
    src = tmp_path / "bad.csv"
    src.write_text("gemeente,opgave,amv\nAa,10,1\n", encoding="utf-8")  # Bee missing
    with pytest.raises(InputError):
        import_quotas(src, folder, "2")
    assert (folder / "quotas.csv").read_bytes() == before


def test_cli(folder, tmp_path, capsys) -> None:
    src = tmp_path / "q.csv"
    src.write_text("gemeente,opgave,amv\nAa,260,16\nBee,95,8\n", encoding="utf-8")
    assert main(["quotas", "import", str(src), "--data", str(folder), "--cycle", "2",
                 "--dry-run"]) == 0  # fmt: skip
    assert "cycle-2" not in (folder / "quotas.csv").read_text(encoding="utf-8")
    assert main(["quotas", "import", str(src), "--data", str(folder), "--cycle", "2"]) == 0
    assert "2 opgaven voor cycle-2" in capsys.readouterr().err
    assert main(["quotas", "import", str(src), "--data", str(folder)]) == 2  # no --cycle


def test_legacy_folder_keeps_its_quotas(make_data, tmp_path) -> None:
    """A folder with the quotas in municipalities.csv and no quotas.csv: importing a
    second cycle writes quotas.csv with that cycle only; cycle 1 stays in
    municipalities.csv. Both cycles are decided (no status column), so the second,
    the last decided one, becomes the current cycle."""
    folder = make_data()
    (folder / "cycles.csv").write_text(
        "id,name,window_start,window_end,require_decision,soft_plans_count,source\n"
        "c1,Een,2025-07-01,2026-02-01,yes,no,test\nc2,Twee,2027-07-01,2028-02-01,yes,no,test\n",
        encoding="utf-8",
    )
    src = tmp_path / "q.csv"
    src.write_text("gemeente,opgave,amv\nAa,90,9\nBee,45,4\nCee,70,7\n", encoding="utf-8")
    import_quotas(src, folder, "c2")
    ds = load_dataset(folder)
    assert ds.current_cycle_id == "c2"
    assert ds.municipalities["quota"].tolist() == [90, 45, 70]
    assert ds.for_cycle("c1").municipalities["quota"].tolist() == [100, 50, 80]
    assert (folder / "quotas.csv").read_text(encoding="utf-8").count("c1,") == 0
