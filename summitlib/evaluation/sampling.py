"""Stratified random samples for hand coding, and the weights that undo the stratification.

A population is a table of candidate rows with a ``stratum`` (the machine's label) and a
``doc_id``. :func:`stratified_sample` shares the sample equally between strata (so that rare
machine labels are coded often enough to be measured), then within a stratum between the
articles in proportion to their rows, then draws at random inside each (stratum, article)
cell. :func:`design_weights` gives each coded row the number of population rows it stands
for (cell size / coded rows of the cell), so figures computed with these weights describe
the whole population, not the sample.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import numpy as np
import pandas as pd

CELL = ["stratum", "doc_id"]


def largest_remainder(sizes: Mapping[Hashable, int], n: int) -> dict[Hashable, int]:
    """Share ``n`` in proportion to ``sizes`` (largest remainder; ties in key order)."""
    total = sum(sizes.values())
    if total <= n:
        return dict(sizes)
    quotas = {k: n * v / total for k, v in sizes.items()}
    shares = {k: int(q) for k, q in quotas.items()}
    rest = sorted(sizes, key=lambda k: (-(quotas[k] - shares[k]), list(sizes).index(k)))
    for k in rest[: n - sum(shares.values())]:
        shares[k] += 1
    return shares


def equal_shares(sizes: Mapping[Hashable, int], n: int) -> dict[Hashable, int]:
    """Share ``n`` equally, none above its size; what a small stratum cannot take goes on."""
    shares = dict.fromkeys(sizes, 0)
    left = min(n, sum(sizes.values()))
    while left:
        open_ = [k for k in sizes if shares[k] < sizes[k]]
        each = max(1, left // len(open_))
        for k in open_:
            take = min(each, sizes[k] - shares[k], left)
            shares[k] += take
            left -= take
            if not left:
                break
    return shares


def stratified_sample(population: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    """``n`` rows: equal per stratum, proportional per article, random within; shuffled."""
    rng = np.random.default_rng(seed)
    strata = population.groupby("stratum", sort=True).size().to_dict()
    picked = []
    for stratum, k in equal_shares(strata, n).items():
        rows = population[population["stratum"] == stratum]
        cells = rows.groupby("doc_id", sort=True).size().to_dict()
        for doc_id, m in largest_remainder(cells, k).items():
            cell = rows[rows["doc_id"] == doc_id]
            picked.append(cell.iloc[np.sort(rng.choice(len(cell), size=m, replace=False))])
    sample = pd.concat(picked) if picked else population.iloc[:0]
    return sample.iloc[rng.permutation(len(sample))].reset_index(drop=True)


def design_weights(coded: pd.DataFrame, population: pd.DataFrame) -> pd.Series:
    """Population rows each coded row stands for: cell size / coded rows in the cell."""
    sizes = population.groupby(CELL).size().rename("N")
    counts = coded.groupby(CELL).size().rename("n")
    cells = coded[CELL].join(sizes, on=CELL).join(counts, on=CELL)
    return (cells["N"] / cells["n"]).rename("weight")
