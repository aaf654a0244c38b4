"""Planning tool for asylum reception under the Dutch Spreidingswet.

Data flows one way: files -> validated tables (:mod:`planner.loader`) -> counting rules
(:mod:`planner.counting`) -> model (:mod:`planner.model`) -> solution -> reports and UI.
"""

__version__ = "0.1.0"
