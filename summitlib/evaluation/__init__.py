"""Evaluation: gold reading and matching, the metrics of the reference scorer, baselines."""
