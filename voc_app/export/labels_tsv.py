"""``voc labels``: the final labels of every verbatim as a TSV (issue 21), every cell made safe."""

from __future__ import annotations

import os
from pathlib import Path

from base.progress import Progress
from voc_app.export.safe import tsv_cell
from voc_app.store import Project


def write_labels(project: Project, out: str | Path, progress: Progress | None = None) -> int:
    """A UTF-8 TSV, one row per verbatim (``voc_app.corrections.LABELS_HEADER``: verbatim_id,
    external_id, text, polarity, churn, advocacy, stage, polarity_p, churn_p, advocacy_p,
    corrected), every cell through ``tsv_cell``. Written to a temporary file beside ``out`` and
    renamed. Returns the rows written."""
    from voc_app.corrections import LABELS_HEADER, label_rows

    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    n = 0
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            f.write("\t".join(LABELS_HEADER) + "\n")
            for row in label_rows(project.conn):
                f.write("\t".join(tsv_cell(c) for c in row.cells()) + "\n")
                n += 1
                if progress and n % 20000 == 0:
                    progress(None, f"{n:,} 件")
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return n
