"""Fictional demo directory: names, expertise vocabulary and the deterministic generator.

``manage.py seed_demo`` and ``benchmarks/directory.py`` load it; people are fictional,
organisations are the real ones of ``core/data/organisations.csv``.
"""
