"""The pipeline: the per-article document, its ordered components, engines, cache, tables."""
