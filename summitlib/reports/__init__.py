"""Reports: plan a run, execute notebooks with papermill, publish HTML with an index."""
