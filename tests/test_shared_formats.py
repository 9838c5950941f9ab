"""Integration: the realistic exports in ../shared/data/formats import with exactly the
counts its README lists (skipped when ../shared is not beside the checkout)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SHARED_FORMATS
from voc_app.importing import import_file
from voc_app.store import Project
from voc_app.store.queries import project_counts

pytestmark = pytest.mark.skipif(not SHARED_FORMATS.exists(), reason="../shared/data/formats not present")

EXPECTED = {
    "survey_excel_cp932.csv": dict(responses=141, verbatims=253, non_answers=24, customers=124, tickets=0,
                                   duplicates_skipped=8),
    "survey_qualtrics_utf8bom.csv": dict(responses=145, verbatims=251, non_answers=23, customers=124, tickets=0,
                                         duplicates_skipped=0),
    "support_tickets.jsonl": dict(responses=0, verbatims=157, non_answers=0, customers=103, tickets=133,
                                  duplicates_skipped=3),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_readme_counts_via_cli(tmp_path, name):
    proj = tmp_path / "p.voc"
    voc = [sys.executable, "-m", "voc_app.cli"]
    subprocess.run([*voc, "new", str(proj)], check=True, capture_output=True)
    subprocess.run([*voc, "import", str(proj), str(SHARED_FORMATS / name)], check=True, capture_output=True)
    out = subprocess.run([*voc, "info", str(proj), "--json"], check=True, capture_output=True, text=True).stdout
    info = json.loads(out)
    assert {k: info[k] for k in EXPECTED[name]} == EXPECTED[name]
    assert all(isinstance(info[k], int) for k in EXPECTED[name])
    assert isinstance(info["batches"], list) and len(info["batches"]) == 1


def test_qualtrics_partial_and_duplicate_submissions(tmp_path):
    with Project.create(tmp_path / "q.voc") as p:
        r = import_file(p, SHARED_FORMATS / "survey_qualtrics_utf8bom.csv")
        assert r.counts["partial_responses"] == 6 and r.counts["duplicate_submissions"] == 4


def test_surveys_and_tickets_join_on_customer_id(tmp_path):
    with Project.create(tmp_path / "all.voc") as p:
        for name in EXPECTED:
            import_file(p, SHARED_FORMATS / name)
        c = project_counts(p.conn)
        assert c["customers"] == 124  # the 103 ticket requesters are all survey customers
        assert c["verbatims"] == 253 + 251 + 157
        both = p.conn.execute(
            "SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM responses r WHERE r.customer_id=c.id)"
            " AND EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id=c.id)").fetchone()[0]
        assert both == 103
        # importing everything again adds nothing
        before = {k: c[k] for k in EXPECTED["survey_excel_cp932.csv"]}
        for name in EXPECTED:
            import_file(p, SHARED_FORMATS / name)
        after = project_counts(p.conn)
        assert {k: after[k] for k in before} == before
