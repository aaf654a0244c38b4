"""End to end in a real browser: the served app, Debian's chromium, Playwright.

The test starts ``streamlit run app.py`` on a free localhost port against a temporary
database, opens it in headless chromium and walks the three tasks of the users, in Dutch:

1. test a swap scenario: open "surpluses-within-regions" (Hardenberg's and Almelo's
   surpluses swapped within their region) and solve it: the provincial shortfall stays
   2.461, the municipal shortfalls fall from 2.945 to 2.525 (420 lower, README table);
2. simulate a new location: load a scenario file with two Borne sites, one in time
   (150 places from 01-05-2025) and one too late (80 places from 01-09-2025, 62 days after
   the window start 01-07-2025): the warning shows before solving; solved, the shortfall
   is 2.461 - 150 = 2.311;
3. export the result: the workbook of the open scenario, its title, headers and totals
   (provincial shortfall 2.311).

Along the way it visits every page (a screenshot of each goes to ``test-artifacts/``),
switches to English and back, reloads (the edit, the language and the author stay).

Every assertion names its element inside a section of its own (``st.container(key=...)``
gives the class ``st-key-<key>``) and every step first waits until Streamlit has finished
running (``data-test-script-state="notRunning"`` on the app), so no assertion depends on
how fast the machine is.

Chromium must be at /usr/bin/chromium (``apt-get install -y chromium``; ``.ci/run``
installs it). Without it the test fails and says so; set ``PLANNER_SKIP_E2E=1`` to skip
it deliberately.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
# Offline and quiet: without these chromium tries to reach Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_SECONDS = 60

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _require_browser() -> None:
    if os.environ.get("PLANNER_SKIP_E2E") == "1":
        pytest.skip("PLANNER_SKIP_E2E=1: the browser test is switched off")
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` (as root; "
            ".ci/run does this) or set PLANNER_SKIP_E2E=1 to skip the browser test",
            pytrace=False,
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.fail("playwright is missing: pip install -e '.[e2e]'", pytrace=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served by ``streamlit run`` on localhost; always stopped afterwards."""
    _require_browser()
    tmp = tmp_path_factory.mktemp("e2e")
    port = _free_port()
    env = {
        **os.environ,
        "PLANNER_DB_URL": f"sqlite:///{tmp / 'planner.db'}",
        "XDG_DATA_HOME": str(tmp / "xdg"),
    }
    env.pop("PLANNER_DATA", None)
    log_path = tmp / "streamlit.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"),
             "--server.headless", "true", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
             "--browser.gatherUsageStats", "false"],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited ({proc.returncode}):\n{log_path.read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.read().decode().strip() == "ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"streamlit did not start in {STARTUP_SECONDS} s:\n{log_path.read_text()}"
                )
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    settle(page)
    page.wait_for_timeout(500)  # charts draw after the run ends; only for the picture
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def settle(page) -> None:
    """Wait until the app is connected and no script run is going or requested."""
    from playwright.sync_api import expect

    app = page.get_by_test_id("stApp")
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED")
    expect(app).to_have_attribute("data-test-script-state", "notRunning")
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)


def section(page, key: str):
    """The container the page drew with ``st.container(key=key)``."""
    return page.locator(f".st-key-{key}")


def metric(page, key: str, label: str):
    """The one metric labelled ``label`` inside section ``key``."""
    return (
        section(page, key)
        .get_by_test_id("stMetric")
        .filter(has=page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True))
    )


def nav(page, name: str) -> None:
    """Open a page from the sidebar and wait until it is drawn: its own title is on the
    screen (the run of the new page has started) and that run has finished, so no
    element of the page before can be taken for one of this page."""
    from playwright.sync_api import expect

    settle(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=name, exact=True).click()
    expect(page.get_by_role("heading", level=1, name=name, exact=True)).to_be_visible()
    settle(page)


SCENARIO_FILE = """\
name: Borne nieuwe locaties
description: Twee locaties in Borne, een op tijd en een te laat.
extends: base.yaml
candidates:
  - {id: borne-op-tijd, municipality: Borne, max_places: 150, start: 2025-05-01}
  - {id: borne-te-laat, municipality: Borne, max_places: 80, start: 2025-09-01}
"""


def test_three_tasks_in_dutch(app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    # The machine may be slow and shared: assertions wait up to 60 s before failing.
    expect.set_options(timeout=60_000)
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),  # a fresh profile every run
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1500},
            accept_downloads=True,
            locale="nl-NL",
            timezone_id="Europe/Amsterdam",
        )
        try:
            page = context.new_page()
            page.set_default_timeout(60_000)
            started = time.perf_counter()

            # Overzicht: the report's figures (seed 000 sections 2-3)
            page.goto(app_url)
            settle(page)
            expect(metric(page, "ov_province_overijssel", "Gegarandeerd")).to_contain_text("3.864")
            expect(metric(page, "ov_province_overijssel", "Tekort")).to_contain_text("2.461")
            expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(2)
            page.get_by_test_id("stSidebar").get_by_label("Auteur (uw naam)", exact=True).fill(
                "Anna"
            )
            page.get_by_test_id("stSidebar").get_by_label("Auteur (uw naam)", exact=True).press(
                "Enter"
            )
            settle(page)
            expect(page).to_have_url(re.compile(r"[?&]auteur=Anna"))
            _shot(page, "overzicht")

            # Locaties: the table and the timeline
            nav(page, "Locaties")
            expect(page.get_by_role("heading", name="Plekken in gebruik per maand")).to_be_visible()
            expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(1)
            _shot(page, "locaties")

            # Task 1: test a swap scenario
            nav(page, "Scenario")
            page.get_by_label("Opgeslagen scenario's").click()
            page.get_by_role("option", name=re.compile(r"^surpluses-within-regions")).click()
            settle(page)
            page.get_by_role("button", name="Openen", exact=True).click()
            settle(page)
            expect(page.get_by_text("surpluses-within-regions versie 1")).to_be_visible()
            page.get_by_role("button", name="Doorrekenen").click()
            settle(page)
            expect(metric(page, "sc_metrics", "Tekort provincie")).to_contain_text("2.461")
            municipal = metric(page, "sc_metrics", "Som gemeentelijke tekorten")
            expect(municipal).to_contain_text("2.525")
            expect(municipal.get_by_test_id("stMetricDelta")).to_contain_text("420")
            answer = section(page, "answer")
            expect(answer).to_contain_text("De som van de gemeentelijke tekorten is 2.525 (-420")
            expect(answer).to_contain_text("Hardenberg naar Ommen")
            expect(answer).not_to_contain_text(re.compile(r"\boptimal\b"))
            _shot(page, "scenario")

            # Task 2: simulate a new location, one in time and one too late
            path = tmp_path / "borne-nieuw.yaml"
            path.write_text(SCENARIO_FILE, encoding="utf-8")
            page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
            settle(page)
            validity = section(page, "validity")
            expect(validity).to_contain_text(
                "Het scenario is geldig, maar 1 onderdeel telt niet mee"
            )
            expect(validity).to_contain_text("borne-te-laat")
            expect(validity.get_by_test_id("stDataFrame")).to_be_visible()
            expect(section(page, "sc_metrics")).to_have_count(0)  # before solving
            _shot(page, "scenario-waarschuwing")
            page.get_by_role("button", name="Doorrekenen").click()
            settle(page)
            expect(metric(page, "sc_metrics", "Tekort provincie")).to_contain_text("2.311")
            expect(section(page, "answer")).to_contain_text("borne-op-tijd in Borne (150 plekken)")
            expect(section(page, "answer")).to_contain_text("Telt niet mee: borne-te-laat")

            # English and back: the labels change, the result stays
            page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
            settle(page)
            expect(metric(page, "sc_metrics", "Provincial shortfall")).to_contain_text("2,311")
            expect(page).to_have_url(re.compile(r"[?&]lang=en"))
            _shot(page, "scenario-en")
            page.get_by_test_id("stSidebar").get_by_text("Nederlands", exact=True).click()
            settle(page)
            expect(metric(page, "sc_metrics", "Tekort provincie")).to_contain_text("2.311")

            # A reload keeps the edit, the language and the author
            expect(page).to_have_url(re.compile(r"[?&]draft=[0-9a-f]{32}"))
            page.reload()
            settle(page)
            expect(page.get_by_text("Uw bewerking is hersteld")).to_be_visible()
            expect(
                page.get_by_test_id("stSidebar").get_by_label("Auteur (uw naam)", exact=True)
            ).to_have_value("Anna")

            # Gemeente: Kampen, short by the 34 places of Hotel Zalkerbroek (seed 000)
            nav(page, "Gemeente")
            page.get_by_role("combobox", name="Gemeente", exact=True).click()
            page.get_by_role("option", name="Kampen", exact=True).click()
            settle(page)
            expect(section(page, "gm_why")).to_contain_text("Kampen komt 34 plekken tekort")
            expect(metric(page, "gm_figures", "Opgave")).to_contain_text("308")
            _shot(page, "gemeente")

            # Vergelijken: base against borne-opens
            nav(page, "Vergelijken")
            picker = page.get_by_label("Scenario's (het eerste is de referentie)")
            for option in ("base v1", "borne-opens v1"):
                picker.click()
                page.get_by_role("option", name=re.compile("^" + re.escape(option))).click()
                settle(page)
            page.keyboard.press("Escape")
            settle(page)
            shortfall = (
                section(page, "cmp_metrics")
                .get_by_test_id("stMetric")
                .filter(has_text="Tekort provincie")
            )
            expect(shortfall).to_have_count(2)
            expect(shortfall.nth(1)).to_contain_text("2.311")
            expect(shortfall.nth(1)).to_contain_text("-150")  # 2,311 - 2,461
            _shot(page, "vergelijken")

            # Task 3: export the result of the open scenario
            nav(page, "Export")
            expect(metric(page, "ex_metrics", "Tekort provincie")).to_contain_text("2.311")
            downloads = section(page, "ex_result")
            with page.expect_download() as download:
                downloads.get_by_role("button", name="Werkmap (Excel)", exact=True).click()
            path = tmp_path / "result.xlsx"
            download.value.save_as(path)
            check_workbook(path)
            with page.expect_download() as download:
                downloads.get_by_role("button", name="Rapport (PDF)", exact=True).click()
            path = tmp_path / "result.pdf"
            download.value.save_as(path)
            check_pdf(path, "Borne nieuwe locaties")
            with page.expect_download() as download:
                section(page, "ex_report").get_by_role(
                    "button", name="Cyclusrapport (PDF)", exact=True
                ).click()
            path = tmp_path / "cyclus.pdf"
            download.value.save_as(path)
            check_pdf(path, None)
            _shot(page, "export")

            # Risico: the soft plans with their probabilities, a short fast run
            nav(page, "Risico")
            page.get_by_label("Scenario", exact=True).click()
            page.get_by_role("option", name=re.compile(r"^soft-plans-risk")).click()
            settle(page)
            draws = page.get_by_label("Aantal trekkingen", exact=True)
            draws.fill("60")
            draws.press("Enter")
            settle(page)
            page.get_by_text("Snel: alleen totalen").click()
            settle(page)
            page.get_by_role("button", name="Risico doorrekenen").click()
            settle(page)
            chance = (
                section(page, "risk_metrics")
                .get_by_test_id("stMetric")
                .filter(has_text="opgave haalt")
            )
            # at most 1,865 places from the soft plans against 2,461 short: never met
            expect(chance).to_contain_text("0%")
            _shot(page, "risico")
            print(f"\nthree tasks in the browser: {time.perf_counter() - started:.1f} s")
        finally:
            context.close()


def check_pdf(path: Path, title: str | None) -> None:
    """A whole PDF (header and end marker, more than an empty page) whose title (in the
    document's metadata) names the scenario."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    assert len(data) > 5_000  # tables, not an empty page
    found = re.search(rb"/Title \((.*?)\)\n", data)
    assert found is not None
    if title is not None:
        assert title in found.group(1).decode("latin-1")


def check_workbook(path: Path) -> None:
    """The exported workbook: the plain answer first (the provincial shortfall becomes
    2.461 - 150 = 2.311), the Dutch summary, and the province sheet's Dutch headers and
    totals: quota 6.325, credited 3.864 + 150 = 4.014, shortfall 2.311."""
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "antwoord" and "samenvatting" in book.sheetnames
    answer = " ".join(str(c.value) for row in book["antwoord"].iter_rows() for c in row if c.value)
    assert "Het tekort van de provincie wordt 2.311 plekken" in answer
    rows = [[c.value for c in row] for row in book["provincie"].iter_rows()]
    # the header row is the first that names the quota (a title block may come first)
    h = next(i for i, r in enumerate(rows) if "Opgave" in [str(v) for v in r])
    header = [str(v) for v in rows[h]]
    assert not [v for v in header if re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", v)]
    values = dict(zip(header, rows[h + 1], strict=False))
    assert values["Opgave"] == 6325 and values["Realisatie"] == 3864 + 150
    short = next(k for k in header if k.startswith("Tekort") and "amv" not in k.lower())
    assert values[short] == 2461 - 150
