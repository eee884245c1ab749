"""Bilateral (B2B) meetings at events: sessions with slots and tables, participants' availability,
meeting requests, the optimised schedule (``passerelle.scheduling``), agendas and feedback."""
