"""Analysis: what the notebooks use (parameters, results, statistics, text views, plots)."""
