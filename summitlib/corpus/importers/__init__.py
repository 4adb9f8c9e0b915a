"""Importers: turn saved web pages and table exports into a corpus folder.

``pages`` extracts articles from saved HTML with trafilatura, ``tables`` reads CSV, TSV,
Excel and JSON lines exports, ``dates`` normalises their dates, ``columns`` guesses which
column holds what, and ``writer`` adds the articles to a corpus folder without touching the
ones already there.
"""
