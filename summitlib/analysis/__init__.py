"""Analysis: what the notebooks use, one module per job.

``params`` (parameter checks), ``results`` (results files, closing checks), ``lexicons``
(word lists), ``groups`` (metadata columns, top-N cuts), ``textviews`` (removals, KWIC,
dispersion), ``calendar`` (date values on the calendar), ``stats`` (stance statistics),
``speakers`` (quotes by speaker and issue) and ``plots`` (figures).
"""
