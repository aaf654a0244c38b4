"""Labels for messages about bad input and how to fix it (Dutch, English).

Messages are made deep in the library (the YAML reader, the loader, the store), far from
the ``--lang`` option that chose the language; :data:`LANG` carries the choice there.
The CLI sets it from ``--lang``; everything else gets Dutch, the users' language.
"""

from __future__ import annotations

from contextvars import ContextVar

__all__ = ["LABELS", "LANG", "say"]

#: The language of messages made in this context ("nl" or "en").
LANG: ContextVar[str] = ContextVar("planner_message_lang", default="nl")

LABELS: dict[str, tuple[str, str]] = {
    # --- scenario YAML (planner.scenario.yamlsafe)
    "scenario_unreadable": ("Kan het scenario niet lezen", "Cannot read the scenario"),
    "yaml_invalid": ("geen geldige YAML: {problem}", "not valid YAML: {problem}"),
    "yaml_fix": (
        "controleer het inspringen (spaties, geen tabs) en of na elke 'sleutel:' een spatie staat",
        "check indentation (spaces, not tabs) and that every 'key: value' has a space "
        "after the colon",
    ),
    "yaml_opened_on": ("geopend op regel {line}", "opened on line {line}"),
    "yaml_unclosed_quote": (
        "een aanhalingsteken wordt hier geopend maar nergens gesloten",
        "a quote opens here and is never closed",
    ),
    "yaml_unclosed_quote_fix": (
        "sluit de tekst met hetzelfde aanhalingsteken (' of \") op dezelfde regel",
        "close the text with the same quote (' or \") on the same line",
    ),
    "yaml_too_deep": (
        "lijsten of blokken zijn dieper genest dan {depth} niveaus",
        "lists or mappings are nested deeper than {depth} levels",
    ),
    "yaml_too_deep_fix": (
        "een scenario heeft hooguit een paar niveaus; controleer de haakjes [ ] en {{ }}",
        "a scenario has a few levels at most; check the brackets [ ] and {{ }}",
    ),
    "yaml_too_many_values": (
        "de verwijzingen (*naam) leveren meer dan {limit} waarden op",
        "the aliases (*name) expand to more than {limit} values",
    ),
    "yaml_too_many_values_fix": (
        "schrijf de waarden uit in plaats van verwijzingen naar verwijzingen te stapelen",
        "write the values out instead of stacking aliases of aliases",
    ),
    "yaml_duplicate_key": (
        "sleutel {key!r} staat twee keer in hetzelfde blok (ook op regel {first})",
        "key {key!r} is given twice in the same mapping (also on line {first})",
    ),
    "yaml_duplicate_key_fix": (
        "houd één van beide; anders telt stilzwijgend alleen de laatste",
        "keep one of them; otherwise only the last would count, silently",
    ),
    "yaml_not_text": (
        "wordt zonder aanhalingstekens gelezen als {kind}, niet als tekst",
        "is read as {kind}, not as text, without quotes",
    ),
    "yaml_not_text_fix": (
        'zet de tekst tussen aanhalingstekens, bijv. {key}: "{example}"',
        'put the text in quotes, e.g. {key}: "{example}"',
    ),
    "kind_bool": (
        "ja/nee (yes, no, on, off, true, false)",
        "yes/no (yes, no, on, off, true, false)",
    ),
    "kind_number": ("een getal", "a number"),
    "extends_outside": (
        "extends {target!r} wijst buiten de map van het scenario",
        "extends {target!r} points outside the scenario's folder",
    ),
    "extends_outside_fix": (
        "zet het basisscenario in dezelfde map (of een submap), of geef het zelf op de "
        "opdrachtregel",
        "put the base scenario in the same folder (or below it), or give it on the "
        "command line yourself",
    ),
    "extends_not_file": ("extends {target!r} is geen bestand", "extends {target!r} is not a file"),
    "too_large": ("is groter dan {limit}", "is larger than {limit}"),
    "too_large_fix": ("geef een aantal van hooguit {limit}", "give a number of at most {limit}"),
    "not_finite": ("is geen eindig getal", "is not a finite number"),
    "not_finite_fix": (
        "geef een gewoon getal (geen .inf of .nan)",
        "give a plain number (not .inf or .nan)",
    ),
    "year_outside": ("jaar {year} ligt buiten {lo}-{hi}", "year {year} is outside {lo}-{hi}"),
    "year_outside_fix": ("controleer het jaar", "check the year"),
    # --- data files (planner.data.loader)
    "control_char": (
        "bevat een onzichtbaar stuurteken ({code}) op kolompositie {pos}",
        "holds an invisible control character ({code}) at position {pos}",
    ),
    "control_char_fix": (
        "verwijder het teken (vaak meegekopieerd uit een ander programma)",
        "remove the character (often copied in from another program)",
    ),
    "not_a_file": ("is een map, geen bestand", "is a folder, not a file"),
    "not_a_file_fix": (
        "zet hier het CSV-bestand neer (zie data/README.md)",
        "put the CSV file here (see data/README.md)",
    ),
    "unreadable_file": ("kan niet gelezen worden ({reason})", "cannot be read ({reason})"),
    "unreadable_file_fix": (
        "controleer of het bestand bestaat en leesbaar is",
        "check that the file exists and can be read",
    ),
    "geojson_not_collection": (
        "is geen GeoJSON FeatureCollection (gevonden: {found})",
        "is not a GeoJSON FeatureCollection (found: {found})",
    ),
    "geojson_fix": (
        "vervang het door de CBS/Kadaster-grenzen (zie data/README.md), of verwijder het: "
        "de kaart valt dan weg",
        "replace it with the CBS/Kadaster borders (see data/README.md), or remove it: "
        "the map is then left out",
    ),
    "population_missing": (
        "bestand ontbreekt: de bevolking en de namen van gemeenten buiten de provincie "
        "komen hieruit",
        "file not found: population and the names of municipalities outside the province "
        "come from it",
    ),
    "population_missing_fix": (
        "zet cbs_gemeenten_2024.csv (CBS, CC BY 4.0) terug in de datamap",
        "put cbs_gemeenten_2024.csv (CBS, CC BY 4.0) back in the data folder",
    ),
    # --- output paths (planner.cli, planner.reports.export)
    "output_is_folder": ("is een map", "is a folder"),
    "output_is_folder_fix": (
        "geef een bestandsnaam, bijv. {example}",
        "give a file name, e.g. {example}",
    ),
    "output_is_file": ("bestaat al als bestand", "already exists as a file"),
    "output_is_file_fix": (
        "geef een (nieuwe) map voor de export",
        "give a (new) folder for the export",
    ),
    "os_no_such_path": ("dat pad bestaat niet", "no such file or folder"),
    "os_no_permission": ("geen toestemming", "permission denied"),
    "os_disk_full": ("de schijf is vol", "the disk is full"),
    "os_read_only": ("alleen lezen", "read-only"),
    "os_is_folder": ("het is een map", "it is a folder"),
    "os_not_a_folder": ("een deel van het pad is geen map", "a part of the path is not a folder"),
    "os_name_too_long": ("de naam is te lang", "the name is too long"),
    "output_unwritable": ("kan niet geschreven worden ({reason})", "cannot be written ({reason})"),
    "output_unwritable_fix": (
        "kies een map waarin u mag schrijven",
        "choose a folder you can write to",
    ),
    "output_title": ("Kan de uitvoer niet schrijven", "Cannot write the output"),
    # --- command line
    "err_unknown_municipality": ("onbekende gemeente {name!r}", "unknown municipality {name!r}"),
    "err_did_you_mean": ("bedoelt u {names}?", "did you mean {names}?"),
    "err_choose_one_of": ("kies uit: {names}", "choose one of: {names}"),
    "municipalities_range": (
        "--municipalities moet tussen {lo} en {hi} liggen (gegeven: {value})",
        "--municipalities must be from {lo} to {hi} (given: {value})",
    ),
    "provinces_range": (
        "--provinces moet tussen {lo} en {hi} liggen (gegeven: {value})",
        "--provinces must be from {lo} to {hi} (given: {value})",
    ),
    "err_unexpected": (
        "Onverwachte fout ({kind}); het volledige verslag staat in {trace}",
        "Unexpected error ({kind}); the full trace is in {trace}",
    ),
    "err_unexpected_hint": (
        "Meld dit met dat bestand erbij; uw invoer is niet gewijzigd.",
        "Please report this with that file; your input was not changed.",
    ),
    "err_interrupted": ("Afgebroken.", "Interrupted."),
    "err_fix_word": ("Oplossing", "Fix"),
    "err_line_word": ("regel", "line"),
    "err_found_word": ("gevonden", "found"),
    "err_problems_count": ("{n} probleem", "{n} problem"),
    "err_problems_count_many": ("{n} problemen", "{n} problems"),
    # --- database (planner.store)
    "db_title": ("Kan de database niet openen", "Cannot open the database"),
    "db_bad_url": (
        "PLANNER_DB_URL is geen geldige database-URL ({reason})",
        "PLANNER_DB_URL is not a valid database URL ({reason})",
    ),
    "db_bad_url_fix": (
        "gebruik bijv. sqlite:///pad/naar/planner.db of postgresql+psycopg://gebruiker@host/db",
        "use e.g. sqlite:///path/to/planner.db or postgresql+psycopg://user@host/db",
    ),
    "db_no_driver": (
        "het stuurprogramma voor deze database ontbreekt ({reason})",
        "the driver for this database is not installed ({reason})",
    ),
    "db_no_driver_fix": (
        "installeer het, bijv. pip install 'psycopg[binary]' voor PostgreSQL",
        "install it, e.g. pip install 'psycopg[binary]' for PostgreSQL",
    ),
    "db_not_database": (
        "is geen database van de planner (of is beschadigd)",
        "is not a planner database (or it is damaged)",
    ),
    "db_not_database_fix": (
        "wijs PLANNER_DB_URL naar een ander bestand; een nieuw bestand wordt aangemaakt",
        "point PLANNER_DB_URL at another file; a new file is created",
    ),
    "db_unreachable": (
        "de database is niet bereikbaar ({reason})",
        "the database cannot be reached ({reason})",
    ),
    "db_unreachable_fix": (
        "controleer adres, gebruiker en wachtwoord in PLANNER_DB_URL en of de server draait",
        "check host, user and password in PLANNER_DB_URL and that the server runs",
    ),
}


# --- the frame and pydantic's errors by type (planner.errors.pydantic_words)
LABELS.update(
    {
        "err_title_input": ("De invoer heeft problemen", "The input has problems"),
        "words_then": ("{a} {b}", "{a} {b}"),
        "pyd_not_whole": ("is geen geheel getal", "is not a whole number"),
        "pyd_not_whole_fix": (
            "schrijf een geheel getal, bijv. 120",
            "write a whole number, e.g. 120",
        ),
        "pyd_not_number": ("is geen getal", "is not a number"),
        "pyd_not_number_fix": ("schrijf een getal, bijv. 0,6 als 0.6", "write a number, e.g. 0.6"),
        "pyd_ge": ("moet {ge} of meer zijn", "must be {ge} or more"),
        "pyd_ge_fix": ("schrijf een getal van {ge} of meer", "write a number of {ge} or more"),
        "pyd_gt": ("moet meer dan {gt} zijn", "must be more than {gt}"),
        "pyd_gt_fix": ("schrijf een getal groter dan {gt}", "write a number above {gt}"),
        "pyd_le": ("moet {le} of minder zijn", "must be {le} or less"),
        "pyd_le_fix": ("schrijf een getal van {le} of minder", "write a number of {le} or less"),
        "pyd_lt": ("moet minder dan {lt} zijn", "must be less than {lt}"),
        "pyd_lt_fix": ("schrijf een getal kleiner dan {lt}", "write a number below {lt}"),
        "pyd_missing": ("ontbreekt", "is required"),
        "pyd_missing_fix": ("vul het in", "add it"),
        "pyd_empty": ("is leeg", "is empty"),
        "pyd_empty_fix": ("vul het in", "fill it in"),
        "pyd_too_long": (
            "is langer dan {max_length} tekens",
            "is longer than {max_length} characters",
        ),
        "pyd_too_long_fix": ("maak de tekst korter", "make the text shorter"),
        "pyd_not_text": ("is geen tekst", "is not text"),
        "pyd_not_text_fix": ("schrijf een tekst", "write a text"),
        "pyd_pattern": ("heeft niet de juiste vorm", "has the wrong form"),
        "pyd_pattern_fix": (
            "gebruik letters, cijfers, '-', '_' of '.', zonder spaties",
            "use letters, digits, '-', '_' or '.', without spaces",
        ),
        "pyd_pattern_code_fix": (
            "schrijf de CBS-code als GM gevolgd door vier cijfers, bijv. GM0193",
            "write the CBS code as GM followed by four digits, e.g. GM0193",
        ),
        "pyd_pattern_id": (
            "mag alleen letters, cijfers, '-', '_' en '.' bevatten, beginnend met een letter of "
            "cijfer",
            "may only hold letters, digits, '-', '_' and '.', starting with a letter or digit",
        ),
        "pyd_pattern_id_fix": ("bijv. borne-nieuw", "e.g. borne-new"),
        "pyd_not_bool": ("is geen ja of nee", "is not yes or no"),
        "pyd_not_bool_fix": ("schrijf ja of nee", "write yes or no"),
        "pyd_literal": ("is geen van de toegestane waarden", "is not one of the allowed values"),
        "pyd_literal_fix": ("gebruik een van: {options}", "use one of {options}"),
        "pyd_literal_hint_fix": ("{hint} Toegestaan: {options}", "{hint} Allowed: {options}"),
        "pyd_extra": ("is geen bekende sleutel", "is not a known key"),
        "pyd_extra_fix": (
            "verwijder het of controleer de spelling",
            "remove it or check the spelling",
        ),
        "pyd_not_mapping": ("moet een blok sleutels zijn", "must be a mapping of keys"),
        "pyd_not_mapping_fix": (
            "schrijf het als 'sleutel: waarde' op eigen regels",
            "write it as 'key: value' on lines of their own",
        ),
        "pyd_not_list": ("moet een lijst zijn", "must be a list"),
        "pyd_not_list_fix": (
            "schrijf elk item op een regel met '- '",
            "write each item on a line with '- '",
        ),
        "pyd_not_date": ("is geen datum", "is not a date"),
        "pyd_not_date_fix": ("schrijf de datum als jjjj-mm-dd", "write the date as yyyy-mm-dd"),
        "pyd_too_few": ("heeft te weinig items", "has too few items"),
        "pyd_too_few_fix": ("voeg items toe", "add items"),
        "pyd_too_many": ("heeft te veel items", "has too many items"),
        "pyd_too_many_fix": ("laat items weg", "leave items out"),
        "pyd_other": ("is ongeldig ({kind})", "is not valid ({kind})"),
    }
)


# --- data files (planner.data.loader, planner.data.schemas)
LABELS.update(
    {
        "dl_title_load": ("Kan de gegevens niet laden", "Cannot load the data"),
        "dl_title_load_in": (
            "Kan de gegevens in {source} niet laden",
            "Cannot load the data in {source}",
        ),
        "dl_title_unknown_cycle": ("Onbekende cyclus", "Unknown cycle"),
        "dl_title_no_quotas": ("Geen opgaven voor deze cyclus", "No quotas for this cycle"),
        "dl_not_utf8": ("het bestand is geen UTF-8-tekst", "the file is not UTF-8 text"),
        "dl_not_utf8_fix": (
            "sla het op als 'CSV UTF-8 (door komma's gescheiden)' (Excel) of als UTF-8 in "
            "uw editor",
            "save it as 'CSV UTF-8 (comma delimited)' (Excel) or UTF-8 in your editor",
        ),
        "dl_empty_file": (
            "het bestand is leeg of heeft geen kopregel",
            "the file is empty or has no header line",
        ),
        "dl_semicolons": ("puntkomma's", "semicolons"),
        "dl_tabs": ("tabs", "tabs"),
        "dl_separator": (
            "de kolommen zijn gescheiden door {sep}, niet door komma's",
            "the columns are separated by {sep}, not commas",
        ),
        "dl_separator_fix": (
            "sla het bestand op als 'CSV UTF-8 (door komma's gescheiden)'",
            "save the file as 'CSV UTF-8 (comma delimited)'; in Dutch Excel choose "
            "'CSV UTF-8 (door komma's gescheiden)'",
        ),
        "dl_not_csv": (
            "kan niet als CSV gelezen worden ({error})",
            "cannot be read as CSV ({error})",
        ),
        "dl_not_csv_fix": (
            'controleer de aanhalingstekens: elke openende " heeft een sluitende nodig',
            'check the quotes: every opening " needs a closing one',
        ),
        "dl_extra_cells": (
            "de rij heeft {n} cel(len) meer dan de kopregel",
            "the row has {n} more cell(s) than the header",
        ),
        "dl_extra_cells_fix": (
            "zet cellen met een komma tussen aanhalingstekens, of verwijder de extra cellen",
            "quote cells that contain commas, or remove the extra cells",
        ),
        "dl_missing_column": (
            "verplichte kolom {col!r} ontbreekt",
            "required column {col!r} is missing",
        ),
        "dl_missing_column_fix": ("voeg een kolom {col!r} toe", "add a column named {col!r}"),
        "dl_missing_column_hint_fix": (
            "voeg een kolom {col!r} toe ({hint})",
            "add a column named {col!r} ({hint})",
        ),
        "dl_unknown_column": ("onbekende kolom {col!r}", "unknown column {col!r}"),
        "dl_unknown_column_fix": (
            "verwijder of hernoem de kolom; de kolommen van {file} staan in data/README.md",
            "remove it or rename it; the columns of {file} are listed in data/README.md",
        ),
        "dl_unknown_column_hint_fix": (
            "{hint} Hernoem de kolom; de kolommen van {file} staan in data/README.md",
            "{hint} Rename it; the columns of {file} are listed in data/README.md",
        ),
        "dl_duplicate_key": (
            "{key} {value!r} komt twee keer voor, ook op regel {first}",
            "duplicate {key} {value!r}, also on line {first}",
        ),
        "dl_duplicate_key_fix": ("geef elke rij een eigen {key}", "give every row its own {key}"),
        "dl_unknown_cycle": ("onbekende cyclus {cycle!r}", "unknown cycle {cycle!r}"),
        "dl_known_cycles": ("bekende cycli: {ids}", "known cycles: {ids}"),
        "dl_unknown_cycle_fix": ("gebruik een id uit cycles.csv", "use an id of cycles.csv"),
        "dl_unknown_cycle_blank_fix": (
            "gebruik een id uit cycles.csv, of laat de cel leeg voor elke cyclus",
            "use an id of cycles.csv, or leave it blank for every cycle",
        ),
        "dl_no_quotas_cycle": (
            "geen opgaven voor cyclus {cycle!r}",
            "no quotas for cycle {cycle!r}",
        ),
        "dl_no_quotas_cycle_fix": (
            "importeer de tabel van het ministerie: planner quotas import BESTAND --cycle {cycle}",
            "import the ministry's table: planner quotas import FILE --cycle {cycle}",
        ),
        "dl_cycles_with_quotas": ("(cycli met opgaven: {ids})", "(cycles with quotas: {ids})"),
        "dl_unknown_ref": ("onbekende {what} {value!r}", "unknown {what} {value!r}"),
        "dl_unknown_ref_fix": (
            "gebruik een {what} zoals die in de gegevens staat (zie data/README.md)",
            "use a {what} as written in the data (see data/README.md)",
        ),
        "dl_what_municipality": ("gemeente", "municipality"),
        "dl_what_location": ("locatie-id", "location id"),
        "dl_what_swap": ("uitruil-id", "swap id"),
        "dl_what_programme": ("programma", "programme"),
        "dl_what_code": ("gemeentecode", "municipality code"),
        "dl_municipality_name_fix": (
            "gebruik een naam uit municipalities.csv",
            "use a name of municipalities.csv",
        ),
        "dl_duplicate_code": ("code {code!r} komt twee keer voor", "duplicate code {code!r}"),
        "dl_duplicate_code_fix": (
            "elke gemeente heeft een eigen CBS-code",
            "every municipality has its own CBS code",
        ),
        "dl_no_cycle": ("geen cyclus vastgelegd", "no cycle defined"),
        "dl_no_cycle_fix": (
            "voeg de regels van minstens één cyclus toe",
            "add the rules of at least one cycle",
        ),
        "dl_file_not_found": ("bestand niet gevonden", "file not found"),
        "dl_file_not_found_fix": (
            "zet {file} in de datamap (zie data/README.md)",
            "add {file} to the data folder (see data/README.md)",
        ),
        "dl_folder_not_found": ("datamap niet gevonden", "data folder not found"),
        "dl_folder_not_found_fix": ("geef de map op met --data", "pass --data with the folder"),
        "dl_second_quota": (
            "een tweede opgave voor {name} in {cycle}, ook op regel {first}",
            "a second quota for {name} in {cycle}, also on line {first}",
        ),
        "dl_second_quota_fix": (
            "houd één rij per cyclus en gemeente",
            "keep one row per cycle and municipality",
        ),
        "dl_no_quota_others": (
            "{name} heeft geen opgave terwijl andere gemeenten die wel hebben",
            "{name} has no quota while others have",
        ),
        "dl_no_quota_others_fix": (
            "vul quota en amv_quota in voor elke gemeente, of voor geen enkele en geef ze in "
            "quotas.csv",
            "fill in quota and amv_quota for every municipality, or for none and give them in "
            "quotas.csv",
        ),
        "dl_quota_differs": (
            "de opgave van {name}, {quota} (amv {amv}), wijkt af van quotas.csv voor {cycle} "
            "({q2}, amv {a2})",
            "{name}'s quota {quota} (amv {amv}) differs from quotas.csv for {cycle} "
            "({q2}, amv {a2})",
        ),
        "dl_quota_differs_fix": (
            "houd de opgaven alleen in quotas.csv en laat deze kolommen leeg",
            "keep the quotas in quotas.csv only and leave these columns empty",
        ),
        "dl_no_quota_for": ("geen opgave voor {name} in {cycle}", "no quota for {name} in {cycle}"),
        "dl_no_quota_for_fix": (
            "voeg een rij {cycle},{name},OPGAVE,AMV_OPGAVE,BRON toe: elke gemeente heeft er één "
            "per cyclus nodig",
            "add a row {cycle},{name},QUOTA,AMV_QUOTA,SOURCE: every municipality needs one per "
            "cycle",
        ),
        "dl_no_quotas_any": ("geen opgaven voor welke cyclus dan ook", "no quotas for any cycle"),
        "dl_no_quotas_any_fix": (
            "zet ze in quotas.csv (planner quotas import BESTAND --cycle {cycle}) of in "
            "municipalities.csv",
            "add them to quotas.csv (planner quotas import FILE --cycle {cycle}) or to "
            "municipalities.csv",
        ),
        "dl_not_geojson": ("geen geldige GeoJSON ({reason})", "not valid GeoJSON ({reason})"),
        "dl_nested_too_deep": ("te diep genest", "nested too deep"),
    }
)


# --- date cells (planner.data.dates)
LABELS.update(
    {
        "date_format_hint": (
            "schrijf de datum als dd-mm-jjjj (bijv. 01-07-2025) of jjjj-mm-dd",
            "write the date as dd-mm-yyyy (e.g. 01-07-2025) or yyyy-mm-dd",
        ),
        "date_check_year_mean": (
            "controleer het jaar; bedoelt u {fixed}?",
            "check the year; did you mean {fixed}?",
        ),
        "date_check_year_hint": ("controleer het jaar; {hint}", "check the year; {hint}"),
        "date_no_such": ("deze datum bestaat niet", "no such date"),
        "date_not_a_date": ("geen datum", "not a date"),
        "date_not_a_date_fix": (
            "schrijf de datum als dd-mm-jjjj (bijv. 01-07-2025) of jjjj-mm-dd; 'onbepaald' voor "
            "geen einde, 'n.n.t.b.' voor nog niet bekend",
            "write the date as dd-mm-yyyy (e.g. 01-07-2025) or yyyy-mm-dd; 'onbepaald' for no "
            "end, 'n.n.t.b.' for not yet known",
        ),
        "date_unknown_month": ("onbekende maand {name!r}", "unknown month {name!r}"),
        "date_unknown_month_fix": (
            "gebruik een Nederlandse of Engelse afkorting van de maand",
            "use a Dutch or English month abbreviation",
        ),
    }
)


# --- row checks of the data tables (planner.data.schemas)
LABELS.update(
    {
        "ds_yes_no_fix": (
            "schrijf ja of nee (yes/no kan ook), niet {value}",
            "write yes or no (ja/nee also work), not {value}",
        ),
        "ds_end_before_start": (
            "{what} {end} ligt voor de start {start}",
            "{what} {end} is before start {start}",
        ),
        "ds_what_end": ("einde", "end"),
        "ds_what_window_end": ("einde van de periode", "window_end"),
        "ds_end_before_start_fix": (
            "verbeter een van beide datums",
            "correct one of the two dates",
        ),
        "ds_quota_together": (
            "quota en amv_quota horen samen ingevuld te zijn",
            "quota and amv_quota must be filled in together",
        ),
        "ds_quota_together_fix": (
            "vul beide in, of laat beide leeg en geef de opgaven in quotas.csv",
            "fill in both, or leave both empty and give the quotas in quotas.csv",
        ),
        "ds_amv_above_quota": (
            "amv_quota {amv} is groter dan quota {quota}",
            "amv_quota {amv} is larger than quota {quota}",
        ),
        "ds_amv_above_quota_fix": (
            "de amv-opgave is een deel van de totale opgave; controleer beide getallen",
            "the amv quota is part of the total quota; check both numbers",
        ),
        "ds_programme_differs": (
            "programme {programme} wijkt af van target_group {group}",
            "programme {programme} differs from target_group {group}",
        ),
        "ds_programme_differs_fix": (
            "laat programme leeg of maak het gelijk aan target_group; plekken voor andere "
            "programma's (oek, doorstroom, kso) horen in programme_locations.csv",
            "leave programme empty or make it equal to target_group; places for other "
            "programmes (oek, doorstroom, kso) go in programme_locations.csv",
        ),
        "ds_max_below": (
            "places_max {max} is kleiner dan places {places}",
            "places_max {max} is below places {places}",
        ),
        "ds_max_below_fix": (
            "places is de ondergrens van een bereik, places_max de bovengrens",
            "places is the lower bound of a range, places_max the upper bound",
        ),
        "ds_end_unknown_kind": (
            "het einde is n.n.t.b. maar end_unknown zegt niet welke soort",
            "end is n.n.t.b. but end_unknown does not say which kind",
        ),
        "ds_end_unknown_kind_fix": (
            "zet end_unknown op beyond_minimum (onbekend, maar na het minimum van de cyclus) of "
            "unknown (nog geen duidelijkheid)",
            "set end_unknown to beyond_minimum (unknown, but beyond the cycle's minimum) or "
            "unknown (no clarity yet)",
        ),
        "ds_end_unknown_set": (
            "end_unknown is {value} maar het einde is niet n.n.t.b.",
            "end_unknown is {value} but end is not n.n.t.b.",
        ),
        "ds_end_unknown_set_fix": (
            "maak end_unknown leeg of schrijf n.n.t.b. als einde",
            "clear end_unknown or write n.n.t.b. as end",
        ),
        "ds_swap_same": (
            "from_municipality en to_municipality zijn dezelfde gemeente",
            "from_municipality and to_municipality are the same",
        ),
        "ds_swap_same_fix": (
            "een uitruil verplaatst plekken tussen twee verschillende gemeenten",
            "a swap moves places between two different municipalities",
        ),
        "ds_amv_above_places": (
            "amv_places {amv} is meer dan places {places}",
            "amv_places {amv} is more than places {places}",
        ),
        "ds_amv_above_places_fix": (
            "amv-plekken zijn een deel van de plekken",
            "amv places are part of the places",
        ),
        "ds_counter_places": (
            "counter_programme is {programme} maar counter_places is leeg",
            "counter_programme is {programme} but counter_places is empty",
        ),
        "ds_counter_places_fix": (
            "geef het aantal plekken van het andere programma dat ertegenover staat",
            "give the number of places of the other programme in return",
        ),
        "ds_counter_programme": (
            "counter_places is ingevuld zonder counter_programme",
            "counter_places is filled in without a counter_programme",
        ),
        "ds_counter_programme_fix": (
            "noem het programma van de plekken die ertegenover staan (bijv. oek)",
            "name the programme of the places in return (e.g. oek)",
        ),
        "ds_condition_both": (
            "een voorwaarde heeft zowel condition_municipality als condition_places nodig",
            "a condition needs both condition_municipality and condition_places",
        ),
        "ds_condition_both_fix": ("vul beide in, of geen van beide", "fill in both, or neither"),
        "ds_unknown_type": ("onbekend locatietype {type!r}", "unknown location type {type!r}"),
        "ds_unknown_type_fix": (
            "gebruik typen uit {types}, gescheiden door ';' (leeg: elk type telt)",
            "use types from {types}, separated by ';' (blank: every type counts)",
        ),
        "ds_must_be_date": ("{column} moet een datum zijn", "{column} must be a date"),
        "ds_must_be_date_fix": ("schrijf het als dd-mm-jjjj", "write it as dd-mm-yyyy"),
        "ds_same_codes": (
            "gm_code_a en gm_code_b zijn allebei {code}",
            "gm_code_a and gm_code_b are both {code}",
        ),
        "ds_same_codes_fix": (
            "een rij koppelt twee verschillende gemeenten",
            "a row pairs two different municipalities",
        ),
        "ds_only_asiel_window": (
            "alleen asiel wordt geteld met de periode van de cyclus",
            "only asiel is counted by the cycle window",
        ),
        "ds_only_asiel_window_fix": (
            "gebruik realised_at_reference_date of realisation_against_target",
            "use realised_at_reference_date or realisation_against_target",
        ),
        "ds_needs_reference": (
            "telling {counting} heeft een reference_date (peildatum) nodig",
            "counting {counting} needs a reference_date (peildatum)",
        ),
        "ds_needs_reference_fix": (
            "schrijf de datum waarop de realisatie is gemeten, als dd-mm-jjjj",
            "write the date the realisation was measured, as dd-mm-yyyy",
        ),
        "ds_realised_no_date": (
            "realised is ingevuld zonder reference_date",
            "realised is given without a reference_date",
        ),
        "ds_realised_no_date_fix": (
            "schrijf de datum waarop de realisatie is gemeten (peildatum)",
            "write the date the realisation was measured (peildatum)",
        ),
        "ds_needs_backlog": (
            "een taakstelling voor statushouders heeft target_incl_backlog nodig",
            "a status-holder target needs target_incl_backlog",
        ),
        "ds_needs_backlog_fix": (
            "geef de taakstelling inclusief voor- of achterstand",
            "give the target including the backlog or lead (taakstelling incl. voor/achterstand)",
        ),
    }
)


# --- scenarios (planner.scenario.schema, planner.scenario.text)
LABELS.update(
    {
        "sc_title_problems": ("Scenario {label} heeft problemen", "Scenario {label} has problems"),
        "sc_title_data": (
            "Scenario {label} past niet bij de gegevens",
            "Scenario {label} does not match the data",
        ),
        "sc_date_unknown": (
            "met een datum die nog niet bekend is kan niet gepland worden",
            "a date that is not yet known cannot be planned with",
        ),
        "sc_date_unknown_fix": (
            "geef de vroegste datum waarop de plekken realistisch in gebruik kunnen zijn",
            "give the earliest date it can realistically be in use",
        ),
        "sc_counter_together": (
            "counter_programme en counter_places horen bij elkaar",
            "counter_programme and counter_places go together",
        ),
        "sc_swap_same": (
            "from en to zijn dezelfde gemeente",
            "from and to are the same municipality",
        ),
        "sc_programmes": (
            "programmes moet asiel en oek elk één keer noemen",
            "programmes must name asiel and oek once each",
        ),
        "sc_programmes_fix": (
            "statushouders hebben een huisvestingstaak, geen plekken die geruild kunnen worden",
            "status holders have a housing target, not places that can be swapped",
        ),
        "sc_delay_order": (
            "min {min}, mode {mode}, max {max} staan niet op volgorde",
            "min {min}, mode {mode}, max {max} are not in order",
        ),
        "sc_delay_order_fix": (
            "geef min <= mode <= max (dagen vertraging)",
            "give min <= mode <= max (days of delay)",
        ),
        "sc_new_needs_municipality": (
            "een nieuwe kandidaat heeft een gemeente nodig",
            "a new candidate needs a municipality",
        ),
        "sc_new_needs_max": (
            "een nieuwe kandidaat heeft max_places nodig",
            "a new candidate needs max_places",
        ),
        "sc_new_needs_start": (
            "een nieuwe kandidaat heeft een start nodig (de vroegste datum van gebruik), of "
            "decision_date en lead_months",
            "a new candidate needs start (the earliest date it can be in use), or "
            "decision_date and lead_months",
        ),
        "sc_needs_location": (
            "een kandidaat van soort {kind!r} heeft de id van de te wijzigen locatie nodig",
            "a candidate of kind {kind!r} needs the location id to change",
        ),
        "sc_needs_location_fix": ("vul location in", "fill in location"),
        "sc_oek_not_amv": (
            "target_group amv en programme oek spreken elkaar tegen",
            "target_group amv and programme oek contradict",
        ),
        "sc_oek_not_amv_fix": (
            "een OEK-kandidaat heeft target_group oek (of laat target_group weg)",
            "an OEK candidate has target_group oek (or leave it out)",
        ),
        "sc_oek_new_site": (
            "een OEK-kandidaat (programme oek) is een nieuwe locatie",
            "an OEK candidate (programme oek) is a new site",
        ),
        "sc_oek_new_site_fix": (
            "geef kind new, municipality, max_places en start",
            "give kind new, municipality, max_places and start",
        ),
        "sc_min_above_max": (
            "min_places {min} is meer dan max_places {max}",
            "min_places {min} is more than max_places {max}",
        ),
        "sc_min_above_max_fix": (
            "maak min_places niet groter dan max_places",
            "make min_places no larger than max_places",
        ),
        "sc_end_and_indefinite": (
            "geef een einde of end_indefinite, niet allebei",
            "give either end or end_indefinite, not both",
        ),
        "sc_end_and_indefinite_fix": ("laat een van beide weg", "leave one of them out"),
        "sc_horizon_order": (
            "het einde van de horizon {end} ligt voor de start {start}",
            "horizon end {end} is before start {start}",
        ),
        "sc_objective_twice": (
            "een doel staat twee keer in de lijst",
            "an objective is listed twice",
        ),
        "sc_objective_twice_fix": ("noem elk doel één keer", "name each objective once"),
        "sc_candidate_id_twice": (
            "kandidaat-id {id!r} wordt twee keer gebruikt",
            "candidate id {id!r} is used twice",
        ),
        "sc_swap_id_twice": (
            "uitruil-id {id!r} wordt twee keer gebruikt",
            "swap id {id!r} is used twice",
        ),
        "sc_id_twice_fix": ("geef elk item een eigen id", "give every item its own id"),
        "sc_risk_not_candidate": (
            "risk.{key} noemt {id!r}, geen kandidaat van dit scenario",
            "risk.{key} names {id!r}, which is not a candidate of this scenario",
        ),
        "sc_risk_not_candidate_fix": ("gebruik een kandidaat-id", "use a candidate id"),
        "sc_unknown_key": ("onbekende sleutel {key!r}", "unknown key {key!r}"),
        "sc_allowed_keys": ("toegestane sleutels hier: {keys}", "allowed keys here: {keys}"),
        "sc_not_probability": ("is geen kans", "is not a probability"),
        "sc_not_probability_fix": (
            "geef een getal van 0 tot 1 (0.6 voor 60%)",
            "give a number from 0 to 1 (0.6 for 60%)",
        ),
        "sc_not_mapping": (
            "een scenario moet een blok sleutels zijn (name:, candidates:, ...)",
            "a scenario must be a mapping of keys (name:, candidates:, ...)",
        ),
        "sc_file_not_found": ("scenariobestand niet gevonden", "scenario file not found"),
        "sc_file_not_found_fix": (
            "controleer het pad; scenario's staan in scenarios/",
            "check the path; scenarios live in scenarios/",
        ),
        "sc_give_yaml_fix": (
            "geef het YAML-bestand van het scenario",
            "give the scenario's YAML file",
        ),
        "sc_save_utf8_fix": ("sla het op als UTF-8", "save it as UTF-8"),
        "sc_extends_name": (
            "extends moet de naam van een scenariobestand zijn",
            "extends must be the name of a scenario file",
        ),
        "sc_extends_name_fix": ("bijv. extends: base.yaml", "e.g. extends: base.yaml"),
        "sc_relative_path_fix": (
            "geef een pad ten opzichte van dit bestand",
            "give a path relative to this file",
        ),
        "sc_extends_cycle": (
            "extends vormt een kringloop: {chain}",
            "extends forms a cycle: {chain}",
        ),
        "sc_extends_cycle_fix": ("verwijder een van de extends", "remove one of the extends"),
        "sc_extends_missing": (
            "extends {target}, dat niet bestaat",
            "extends {target}, which does not exist",
        ),
        "sc_extends_not_here": (
            "extends {target}, dat hier niet te vinden is",
            "extends {target}, which cannot be found here",
        ),
        "sc_municipality_fix": (
            "gebruik een naam uit data/municipalities.csv",
            "use a name from data/municipalities.csv",
        ),
        "sc_unknown_location": ("onbekende locatie {id!r}", "unknown location {id!r}"),
        "sc_location_fix": (
            "gebruik een id uit data/locations.csv",
            "use an id from data/locations.csv",
        ),
        "sc_location_elsewhere": (
            "locatie {id!r} ligt in {actual}, niet in {given}",
            "location {id!r} is in {actual}, not {given}",
        ),
        "sc_location_elsewhere_fix": (
            "laat de gemeente weg bij kandidaten van soort extend/enlarge",
            "leave municipality out for extend/enlarge candidates",
        ),
        "sc_cycle_fix": ("gebruik een id uit data/cycles.csv", "use an id from data/cycles.csv"),
    }
)


# --- the ministry's quota table (planner.data.quotas)
LABELS.update(
    {
        "qi_title": ("Kan de opgaven niet importeren", "Cannot import the quotas"),
        "qi_title_of": (
            "Kan de opgaven van {label} niet importeren",
            "Cannot import the quotas of {label}",
        ),
        "qi_known_cycles_fix": (
            "bekende cycli: {ids}; zet eerst de regels van de cyclus in cycles.csv",
            "known cycles: {ids}; add the cycle's rules to cycles.csv first",
        ),
        "qi_check_path": ("controleer het pad", "check the path"),
        "qi_no_column": ("geen kolom voor {key}", "no column for {key}"),
        "qi_no_column_fix": ("noem een kolom {options}", "name a column {options}"),
        "qi_no_municipality_column": (
            "geen kolom voor de gemeente",
            "no column for the municipality",
        ),
        "qi_no_municipality_column_fix": (
            "noem een kolom 'gemeente' (naam) of 'gemeentecode' (GM0148)",
            "name a column 'gemeente' (name) or 'gemeentecode' (GM0148)",
        ),
        "qi_no_name": ("de rij noemt geen gemeente", "the row names no municipality"),
        "qi_no_name_fix": (
            "vul de gemeente in of verwijder de rij",
            "fill in the municipality or remove the row",
        ),
        "qi_name_fix": (
            "schrijf de naam zoals in municipalities.csv (of de CBS-code)",
            "write the name as in municipalities.csv (or the CBS code)",
        ),
        "qi_twice": (
            "{name} staat er twee keer in, ook op rij {first}",
            "{name} appears twice, also on row {first}",
        ),
        "qi_twice_fix": ("houd één rij per gemeente", "keep one row per municipality"),
        "qi_empty": ("{head} is leeg voor {name}", "{head} is empty for {name}"),
        "qi_empty_fix": (
            "vul een geheel getal in (0 als er geen is)",
            "fill in a whole number (0 if none)",
        ),
        "qi_not_whole": (
            "{head} {value} is geen geheel getal",
            "{head} {value} is not a whole number",
        ),
        "qi_negative": ("{head} {n} is negatief", "{head} {n} is negative"),
        "qi_negative_fix": ("een opgave is 0 of meer", "a quota is 0 or more"),
        "qi_amv_above": (
            "amv {amv} is meer dan het totaal {quota} voor {name}",
            "amv {amv} is more than the total {quota} for {name}",
        ),
        "qi_amv_above_fix": (
            "de amv-opgave is een deel van het totaal; controleer beide getallen (is het totaal "
            "inclusief amv?)",
            "the amv quota is part of the total; check both numbers (is the total incl. amv?)",
        ),
        "qi_no_row": ("geen rij voor {name}", "no row for {name}"),
        "qi_no_row_fix": (
            "voeg een rij toe voor {name}: elke gemeente van de provincie heeft een opgave nodig",
            "add a row for {name}: every municipality of the province needs a quota",
        ),
    }
)


# --- the scenario editor (planner.app.editing)
LABELS.update(
    {
        "ed_choose_location": (
            "kies er een uit data/locations.csv",
            "choose one from data/locations.csv",
        ),
        "ed_choose_municipality": ("kies er een uit de gegevens", "choose one from the data"),
        "ed_draft_unreadable": (
            "de bewaarde bewerking kan niet gelezen worden ({error})",
            "the saved edit cannot be read ({error})",
        ),
        "ed_draft_unreadable_fix": ("open het scenario opnieuw", "open the scenario again"),
        "ed_title_restore": ("Kan de bewerking niet herstellen", "Cannot restore the edit"),
    }
)


# --- risk runs, the store, uploads and the national generator
LABELS.update(
    {
        "rk_title": ("Kan de risicoanalyse niet uitvoeren", "Cannot run the risk analysis"),
        "rk_draws": ("draws moet minstens 1 zijn, niet {n}", "draws must be at least 1, not {n}"),
        "rk_draws_fix": (
            "geef het aantal trekkingen, bijv. --draws 1000",
            "give the number of draws, e.g. --draws 1000",
        ),
        "rk_workers": (
            "workers moet minstens 1 zijn, niet {n}",
            "workers must be at least 1, not {n}",
        ),
        "rk_workers_fix": (
            "laat het weg om elke kern te gebruiken",
            "leave it out to use every core",
        ),
        "rk_title_dask": ("Kan niet op een Dask-cluster rekenen", "Cannot run on a Dask cluster"),
        "rk_no_dask": ("Dask is niet geïnstalleerd", "Dask is not installed"),
        "rk_no_dask_fix": (
            'pip install "spreiding-planner[risk]", of laat --scheduler weg',
            'pip install "spreiding-planner[risk]", or leave --scheduler out',
        ),
        "rk_unreachable": (
            "de Dask-scheduler op {address} is niet bereikbaar ({error})",
            "cannot reach the Dask scheduler at {address} ({error})",
        ),
        "rk_unreachable_fix": (
            "controleer het adres (tcp://host:8786) en of `dask scheduler` daar met workers "
            "draait, of laat --scheduler weg om de kernen van deze computer te gebruiken",
            "check the address (tcp://host:8786) and that `dask scheduler` runs there with "
            "workers, or leave --scheduler out to use this machine's cores",
        ),
        "st_title_save": ("Kan het scenario niet opslaan", "Cannot save the scenario"),
        "st_extends_missing": (
            "extends {name}, dat niet in de database staat",
            "extends {name}, which is not in the database",
        ),
        "st_extends_missing_fix": (
            "importeer eerst het basisscenario, of verwijder extends",
            "import the parent scenario first, or remove extends",
        ),
        "st_bad_name": (
            "een scenarionaam mag kleine letters, cijfers, '-', '_' en '.' bevatten, hooguit "
            "100 tekens, beginnend met een letter of cijfer",
            "a scenario name may hold lower-case letters, digits, '-', '_' and '.', up to "
            "100, starting with a letter or digit",
        ),
        "st_bad_name_fix": ("bijv. {example}", "e.g. {example}"),
        "st_no_author": ("de auteur is leeg", "the author is empty"),
        "st_no_author_fix": ("vul uw naam in", "fill in your name"),
        "up_title_read": ("Kan {name} niet lezen", "Cannot read {name}"),
        "up_title_use": ("Kan {name} niet gebruiken", "Cannot use {name}"),
        "na_title": (
            "Kan de landelijke instantie niet maken",
            "Cannot generate the national instance",
        ),
        "na_bundled_fix": ("gebruik de meegeleverde gegevens", "use the bundled data"),
        "na_amv_share": (
            "amv_share {value} ligt buiten het bereik",
            "amv_share {value} is out of range",
        ),
        "na_amv_share_fix": ("gebruik een aandeel tussen 0 en 1", "use a share between 0 and 1"),
        "na_exists": ("de map bevat al {files}", "the folder already holds {files}"),
        "na_exists_fix": (
            "kies een andere --out-map, of geef --force om die bestanden te vervangen",
            "choose another --out folder, or pass --force to replace those files",
        ),
        "na_title_exists": ("Gegevens worden niet overschreven", "Not overwriting data"),
    }
)


def say(key: str, /, **values: object) -> str:
    """The message ``key`` in the language of this context, filled in with ``values``.

    >>> say("not_a_file")
    'is een map, geen bestand'
    """
    pair = LABELS.get(key)
    if pair is None:
        return key
    text = pair[0] if LANG.get() == "nl" else pair[1]
    return text.format(**values)
