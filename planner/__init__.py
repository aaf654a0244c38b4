"""Planning tool for asylum reception under the Dutch Spreidingswet.

Data flows one way, one subpackage per stage: files -> validated tables
(:mod:`planner.data`) -> counting rules (:mod:`planner.counting`) -> scenario
(:mod:`planner.scenario`) -> model (:mod:`planner.optimise`) -> solution
(:mod:`planner.results`) -> reports (:mod:`planner.reports`); :mod:`planner.risk` re-solves
the model under uncertainty and :mod:`planner.app` is the Streamlit side.
"""

__version__ = "0.1.0"
