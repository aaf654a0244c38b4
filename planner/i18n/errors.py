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
