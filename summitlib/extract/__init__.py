"""Extraction: one module per annotation component (actors, dates, amounts, quotes, stance)."""
