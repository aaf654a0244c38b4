"""The command line's own words: descriptions, help texts, argument names and the
messages of :mod:`argparse` itself (usage, required arguments, invalid choices).

``planner --help`` and a mistyped command are the first thing a user reads; they are
Dutch unless ``--lang en`` is on the command line.
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "cli_description": (
        "Planningsinstrument voor de opvang van asielzoekers onder de Spreidingswet.",
        "Planning tool for asylum reception under the Spreidingswet.",
    ),
    "cli_commands": ("opdracht", "command"),
    "cli_national_written": (
        "geschreven naar {folder}: {municipalities} gemeenten in {provinces} provincies "
        "({regions} regio's), opgave {quota} (amv {amv}), {locations} locaties, "
        "{soft_plans} bestuurlijke voornemens, {candidates} kandidaat-locaties, "
        "{swaps} uitruilafspraken\nlos het op met: {command}",
        "written {folder}: {municipalities} municipalities in {provinces} provinces "
        "({regions} regions), quota {quota} (amv {amv}), {locations} locations, "
        "{soft_plans} soft plans, {candidates} candidates, {swaps} swap agreements\n"
        "solve it with: {command}",
    ),
    "cli_not_whole_number": ("'{value}' is geen geheel getal", "'{value}' is not a whole number"),
    "cli_version": ("toon het versienummer en stop", "show the version number and exit"),
    # the commands
    "cli_cmd_report": (
        "de cyclustabel van de provincie, uit de gegevens",
        "the province's cycle table from the data",
    ),
    "cli_cmd_solve": (
        "optimaliseer een scenario: kandidaat-locaties, uitruil, tekort",
        "optimise a scenario: candidates, swaps, shortfall",
    ),
    "cli_cmd_explain": (
        "waarom elke gemeente tekort komt, lasten, marginale waarden",
        "why each municipality is short, burden, marginal values",
    ),
    "cli_cmd_timeline": (
        "plekken in gebruik per maand, voor, in en na de periode",
        "places in use per month, before, in and after the window",
    ),
    "cli_cmd_compare": (
        "scenario's naast elkaar, met de verschillen in hun invoer",
        "scenarios side by side, with a diff of their inputs",
    ),
    "cli_cmd_risk": (
        "welke plannen doorgaan: verdeling van tekorten over vele trekkingen",
        "which plans materialise: shortfall distributions over many draws",
    ),
    "cli_cmd_national": (
        "schrijf een synthetisch landelijk geheel (benchmarks, andere provincies)",
        "write a synthetic national instance (benchmarks, other provinces)",
    ),
    "cli_cmd_quotas": ("opgaven per cyclus (quotas.csv)", "quotas per cycle (quotas.csv)"),
    "cli_cmd_quotas_import": (
        "lees de tabel van het ministerie (CSV of .xlsx) voor een cyclus",
        "read the ministry's table (CSV or .xlsx) of a cycle",
    ),
    "cli_cmd_readiness": (
        "welke plekken van de ene cyclus in de volgende nog meetellen, en waarom niet",
        "which places of one cycle still count in the next, and why not",
    ),
    # arguments shared by the commands
    "cli_arg_data": (
        "map met de gegevens (standaard: de meegeleverde gegevens)",
        "data folder (default: bundled data)",
    ),
    "cli_arg_lang": ("taal van de uitvoer (standaard: nl)", "language of the output (default: nl)"),
    "cli_arg_cycle": (
        "cyclus-id uit cycles.csv, of het nummer ervan (standaard: de huidige cyclus, de "
        "laatst vastgestelde)",
        "cycle id of cycles.csv, or its number (default: the current cycle, the last decided one)",
    ),
    "cli_arg_format": ("vorm van de uitvoer", "output format"),
    "cli_arg_output": (
        "schrijf naar een bestand in plaats van naar het scherm",
        "write to a file, not stdout",
    ),
    "cli_arg_xlsx": ("schrijf ook een Excel-werkmap", "also write an Excel workbook"),
    "cli_arg_pdf_report": (
        "schrijf ook een pdf van de rapportage",
        "also write a PDF of the report",
    ),
    "cli_arg_pdf_result": (
        "schrijf ook een pdf van het resultaat",
        "also write a PDF of the result",
    ),
    "cli_arg_scenario": ("scenariobestand (scenarios/*.yaml)", "scenario file (scenarios/*.yaml)"),
    # report
    "cli_arg_with_soft_plans": (
        "tel de bestuurlijke voornemens mee op hun ondergrens",
        "count the soft plans (bestuurlijke voornemens) at their lower bound",
    ),
    "cli_arg_programme": (
        "de tabel van welk programma (standaard: asiel, de cyclustabel)",
        "which programme's table (default: asiel, the cycle table)",
    ),
    "cli_arg_period": (
        "periode van de opgaven, bijvoorbeeld 2024-I (standaard: programmes.csv)",
        "period of the targets, e.g. 2024-I (default: programmes.csv)",
    ),
    "cli_arg_all_programmes": (
        "asiel, OEK en statushouders naast elkaar per gemeente",
        "asylum, OEK and status holders side by side per municipality",
    ),
    # solve
    "cli_arg_solver": (
        "MILP-solver (standaard: die van het scenario, anders HiGHS)",
        "MILP solver (default: the scenario's, else HiGHS)",
    ),
    "cli_arg_engine": (
        "hoe het model de solver bereikt (standaard: auto)",
        "how the model reaches the solver (default: auto)",
    ),
    "cli_arg_export": (
        "schrijf de werkmap, de pdf, de CSV-bestanden en de JSON in MAP",
        "write the workbook, PDF, CSV files and JSON into FOLDER",
    ),
    "cli_arg_solve_workers": (
        "plan over de jaren: lokale processen voor de provincies (standaard: de kernen, "
        "bij een groot model)",
        "plan over the years: local processes for the provinces (default: the cores, for "
        "a large model)",
    ),
    "cli_arg_solve_scheduler": (
        "plan over de jaren: los de provincies op met deze Dask-scheduler (tcp://host:8786)",
        "plan over the years: solve the provinces on this Dask scheduler (tcp://host:8786)",
    ),
    # explain, timeline
    "cli_arg_one_municipality": ("alleen deze gemeente", "only this municipality"),
    "cli_arg_timeline_scenario": (
        "pas de wijzigingen van een scenario toe",
        "apply a scenario's changes",
    ),
    "cli_arg_first_month": ("eerste maand", "first month"),
    "cli_arg_last_month": ("laatste maand", "last month"),
    "cli_arg_timeline_municipality": (
        "een gemeente (herhaal voor meer); standaard: de regio's",
        "one municipality (repeat for more); default: the regions",
    ),
    # compare
    "cli_arg_scenarios": ("twee of meer scenariobestanden", "two or more scenario files"),
    # risk
    "cli_arg_risk_scenario": (
        "scenario met kansen (scenarios/*.yaml)",
        "scenario with probabilities (scenarios/*.yaml)",
    ),
    "cli_arg_draws": ("aantal trekkingen (standaard: 1000)", "number of draws (default: 1000)"),
    "cli_arg_risk_seed": (
        "zelfde seed, zelfde getallen (standaard: 0)",
        "same seed, same numbers (default: 0)",
    ),
    "cli_arg_risk_workers": (
        "lokale processen (standaard: de vrije kernen; 1: in dit proces)",
        "local processes (default: idle cores; 1: in this process)",
    ),
    "cli_arg_risk_scheduler": (
        "voer de trekkingen uit op een Dask-cluster, bijvoorbeeld tcp://host:8786",
        "run the draws on a Dask cluster, e.g. tcp://host:8786",
    ),
    "cli_arg_levels": (
        "doelniveaus per trekking (shortfalls: alleen de totalen, sneller)",
        "objective levels per draw (shortfalls: totals only, faster)",
    ),
    "cli_arg_progress": (
        "voortgangsbalk op stderr (standaard: als stderr een terminal is)",
        "progress bar on stderr (default: when stderr is a terminal)",
    ),
    # national
    "cli_arg_national_seed": (
        "zelfde seed, zelfde bestanden (standaard: 1)",
        "same seed, same files (default: 1)",
    ),
    "cli_arg_out": ("map om de gegevens in te schrijven", "folder to write the data to"),
    "cli_arg_municipalities": (
        "alleen zoveel aaneengesloten gemeenten (standaard: alle 342)",
        "only this many connected municipalities (default: all 342)",
    ),
    "cli_arg_provinces": ("aantal provincies (standaard: 12)", "number of provinces (default: 12)"),
    "cli_arg_force": (
        "vervang bestanden die al in --out staan",
        "replace files already in --out",
    ),
    # quotas import
    "cli_arg_quota_file": (
        "CSV of Excel (.xlsx): gemeente, totaal, amv",
        "CSV or Excel .xlsx: municipality, total, amv",
    ),
    "cli_arg_quota_source": (
        "brontekst voor de regels (standaard: het bestand)",
        "source text for the rows (default: file)",
    ),
    "cli_arg_dry_run": ("alleen controleren, niets schrijven", "check only, write nothing"),
    # readiness
    "cli_arg_from_cycle": (
        "cyclus waarvan de plekken worden gecontroleerd (standaard: de huidige cyclus)",
        "cycle whose places are checked (default: the current cycle)",
    ),
    "cli_arg_to_cycle": (
        "cyclus waarop wordt voorbereid (standaard: de cyclus na --from)",
        "cycle to prepare for (default: the one after --from)",
    ),
    "cli_arg_table": (
        "welke tabel --format csv schrijft",
        "which table --format csv writes",
    ),
    # names of argument values in the usage lines
    "cli_mv_folder": ("MAP", "FOLDER"),
    "cli_mv_file": ("BESTAND", "FILE"),
    "cli_mv_cycle": ("CYCLUS", "CYCLE"),
    "cli_mv_date": ("DATUM", "DATE"),
    "cli_mv_municipality": ("GEMEENTE", "MUNICIPALITY"),
    "cli_mv_number": ("AANTAL", "NUMBER"),
    "cli_mv_seed": ("SEED", "SEED"),
    "cli_mv_address": ("ADRES", "ADDRESS"),
    "cli_mv_period": ("PERIODE", "PERIOD"),
    "cli_mv_text": ("TEKST", "TEXT"),
    "cli_mv_scenario": ("scenario", "scenario"),
    "cli_mv_quota_file": ("bestand", "file"),
}

#: The messages of :mod:`argparse` in Dutch, by their English text (Python 3.11-3.13
#: word them alike). A message not listed here is shown as argparse words it.
ARGPARSE_DUTCH: dict[str, str] = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulptekst en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "expected %s argument": "verwacht %s waarde",
    "expected %s arguments": "verwacht %s waarden",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r (verwacht: %(type)s)",
    "ambiguous option: %(option)s could match %(matches)s": (
        "optie %(option)s is niet eenduidig: past bij %(matches)s"
    ),
    "not allowed with argument %s": "niet toegestaan samen met argument %s",
    "ignored explicit argument %r": "waarde %r genegeerd",
    "one of the arguments %s is required": "een van de argumenten %s is nodig",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)"
    ),
}
