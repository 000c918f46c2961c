"""Normalisation of cell text into schema values: target dates, owners and agreement.

Every function here is pure (text in, models out) and never imports an extractor, so the
table assembler can call them per cell and tests can feed them plain strings.
"""
