"""Customer lists, order histories and referral logs: detection, messy ids, re-imports that
update and never duplicate, unmatched ids, RFM and referral aggregates, scores and the CLI."""

from __future__ import annotations

import json

import pytest

from base.errors import Cancelled
from importers.behaviour import converted_status
from importers.read import read_file
from tests.conftest import dump
from voc_app.analysis import analyze_project
from voc_app.cli import main
from voc_app.importing import import_file
from voc_app.signals import referral_report, score_project
from voc_app.store import Project
from voc_app.store.behaviour import behaviour_of, rfm_segments


def customer(p: Project, ext: str) -> dict:
    cid, attrs, email, signup, last, batch = p.conn.execute(
        "SELECT id, attributes, email, signup_at, last_active_at, updated_batch_id FROM customers WHERE external_id = ?",
        (ext,)).fetchone()
    return {"id": cid, "attrs": json.loads(attrs), "email": email, "signup": signup, "last": last, "batch": batch,
            **behaviour_of(p.conn).get(cid, {})}


@pytest.fixture
def loaded(tmp_path, fixtures):
    with Project.create(tmp_path / "b.voc") as p:
        import_file(p, fixtures / "excel_cp932.csv")
        reports = {name: import_file(p, fixtures / name) for name in
                   ("customers_shopify.csv", "orders_cp932.csv", "referrals.csv")}
        yield p, reports


@pytest.mark.parametrize("name, kind", [("customers_shopify.csv", "customers"), ("customers_update.csv", "customers"),
                                        ("orders_cp932.csv", "orders"), ("referrals.csv", "referrals"),
                                        ("excel_cp932.csv", "survey"), ("google_forms.csv", "survey")])
def test_kind_is_detected(fixtures, name, kind):
    parsed = read_file(fixtures / name)
    assert parsed.kind == kind, parsed.reason
    if kind == "orders":
        roles = {c.id: c.role for c in parsed.columns}
        assert roles == {"注文番号": "order_id", "顧客ID": "customer", "注文日": "time", "商品名": "item", "金額": "amount"}


def test_messy_ids_match_one_customer(loaded):
    p, reports = loaded
    # Ｋ000102 (full-width) and " K000103 " (padded) in the list and the orders are the survey's customers
    assert reports["customers_shopify.csv"].counts["customers_updated"] == 5
    assert reports["customers_shopify.csv"].counts["customers_added"] == 1  # K000201 is new
    ids = [r[0] for r in p.conn.execute("SELECT external_id FROM customers")]
    assert len(ids) == len(set(ids)) and "K000102" in ids and not any(i != i.strip() or "Ｋ" in i for i in ids)
    assert customer(p, "K000102")["email"] == "misaki@example.jp"
    assert customer(p, "K000102")["frequency"] == 1 and customer(p, "K000103")["frequency"] == 1


def test_unmatched_ids_and_skipped_rows_are_reported(loaded):
    _, reports = loaded
    orders = reports["orders_cp932.csv"]
    assert orders.counts["orders"] == 15 and orders.counts["unmatched_ids"] == 1
    assert orders.counts["unmatched_examples"] == ["K000999"]
    assert orders.skipped.get("no_customer_id") == 1
    assert any("K000999" in w for w in orders.warnings) and any("行 17" in w for w in orders.warnings)
    refs = reports["referrals.csv"]
    assert refs.counts["referrals"] == 6 and refs.counts["unmatched_examples"] == ["K000301"]
    assert refs.counts["referred_not_customers"] == 3  # friend1@…, new@…, K000302


def test_reimport_updates_and_never_duplicates(loaded, fixtures):
    p, _ = loaded
    n_customers = p.conn.execute("SELECT count(*) FROM customers").fetchone()[0]
    again = import_file(p, fixtures / "orders_cp932.csv")
    assert again.counts.get("orders", 0) == 0 and again.counts["orders_updated"] == 15
    assert p.conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 15
    upd = import_file(p, fixtures / "customers_update.csv")
    assert upd.counts["customers_updated"] == 2 and upd.counts["customers_added"] == 0
    assert p.conn.execute("SELECT count(*) FROM customers").fetchone()[0] == n_customers
    k102 = customer(p, "K000102")
    assert k102["attrs"]["プラン"] == "定期便" and k102["attrs"]["会員ランク"] == "シルバー"  # latest wins
    assert k102["attrs"]["年代"] == "40代"  # attributes the update does not name are kept
    assert k102["batch"] == upd.batch_id and k102["last"].startswith("2025-06-01")
    assert customer(p, "K000103")["last"].startswith("2025-01-05")  # an empty cell keeps the known date


def test_rfm_tenure_and_referral_conversion(loaded):
    p, _ = loaded
    k104, k107, k201 = customer(p, "K000104"), customer(p, "K000107"), customer(p, "K000201")
    assert k104["frequency"] == 6 and k104["monetary"] == 3 * 9800 + 3 * 4900
    assert k104["recency_days"] == 0 and k104["tenure_days"] > 1000  # signed up 2022-08-01
    assert (k107["referrals"], k107["referrals_converted"]) == (3, 2)
    # 登録 only, but the referred K000102 has bought since: converted
    assert (k104["referrals"], k104["referrals_converted"]) == (2, 1)
    assert k104["rfm_segment"] == "優良" and k201["rfm_segment"] == "休眠"
    assert {customer(p, k)["rfm_segment"] for k in ("K000101", "K000102", "K000103", "K000107")} <= {
        "優良", "安定", "新規", "休眠予備軍", "休眠"}


def test_rfm_segments_and_status_rules():
    import numpy as np

    seg = rfm_segments(np.array([1.0, 5, 400, 200, 30, 10]), np.array([10.0, 1, 2, 3, 4, 8]),
                       np.array([9e4, 5e3, 1e4, 2e4, 3e4, 8e4]))
    assert seg[0] == "優良" and seg[1] == "新規" and seg[2] == "休眠" and seg[3] == "休眠予備軍"
    assert converted_status("購入済み") and converted_status("特典付与") and converted_status("Purchased")
    assert not converted_status("未購入") and not converted_status("登録") and not converted_status(None)


def test_scores_name_behaviour(loaded):
    p, _ = loaded
    analyze_project(p, workers=1)
    score_project(p)
    reasons = dict(p.conn.execute("SELECT c.external_id, s.reasons FROM customer_scores s"
                                  " JOIN customers c ON c.id = s.customer_id"))
    assert "紹介 3 件中 2 件が購入" in reasons["K000107"]
    assert "最終購入から 740 日" in reasons["K000201"]  # silent since 2023-06-01, no NPS, no voice
    rep = referral_report(p)
    assert [r["customer_id"] for r in rep["referrers"]] == ["K000107", "K000104", "K000301"]
    assert rep["total_referrals"] == 6 and rep["converted"] == 3
    assert {r["customer_id"] for r in rep["referrers_not_ambassadors"]} == {"K000104", "K000301"}


def test_cancelled_behaviour_import_changes_nothing(loaded, fixtures):
    p, _ = loaded
    before = dump(p)

    def cancel(fraction, message):
        raise Cancelled()

    with pytest.raises(Cancelled):
        import_file(p, fixtures / "customers_update.csv", progress=cancel)
    assert dump(p) == before


def test_cli_kind_map_and_referrals(tmp_path, fixtures, capsys):
    path = tmp_path / "c.voc"
    assert main(["new", str(path)]) == 0
    # a table that could be anything: the user says what it is and which column is which
    src = tmp_path / "利用履歴.csv"
    src.write_text("会員,日,金額\nK1,2025-01-01,100\nＫ1,2025-02-01,200\nK2,2025-03-01,300\n", encoding="utf-8")
    assert main(["import", str(path), str(src), "--kind", "orders"]) == 2  # no customer column found
    assert "customer" in capsys.readouterr().err
    assert main(["import", str(path), str(src), "--kind", "orders", "--map", "customer=会員", "--map", "time=日",
                 "--map", "amount=金額"]) == 0
    assert "注文 3" in capsys.readouterr().out
    assert main(["import", str(path), str(fixtures / "referrals.csv")]) == 0
    capsys.readouterr()
    assert main(["referrals", str(path), "--format", "tsv"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split("\t")[:3] == ["customer_id", "referrals", "converted"]
    assert rows[0].split("\t")[:3] == ["K000107", "3", "2"]
    with Project(path) as p:
        k1 = behaviour_of(p.conn)[p.conn.execute("SELECT id FROM customers WHERE external_id = 'K1'").fetchone()[0]]
        assert k1["frequency"] == 2 and k1["monetary"] == 300


def test_voc_score_takes_behaviour_from_a_project(loaded, tmp_path):
    p, _ = loaded
    p.conn.commit()
    c, v, out = tmp_path / "c.tsv", tmp_path / "v.tsv", tmp_path / "o.tsv"
    c.write_text("customer_id\tnps\nK000107\t10\nＫ000201\t\n", encoding="utf-8")
    v.write_text("id\tcustomer_id\ttext\n1\tK000107\tとても気に入っています\n", encoding="utf-8")
    assert main(["score", str(c), str(v), "--out", str(out), "--workers", "1"]) == 0
    plain = out.read_text(encoding="utf-8")
    assert main(["score", str(c), str(v), "--out", str(out), "--workers", "1", "--project", str(p.path)]) == 0
    rows = {r.split("\t")[0]: r.split("\t") for r in out.read_text(encoding="utf-8").splitlines()[1:]}
    assert rows["K000107"][3] == "1" and "紹介 3 件中 2 件が購入" in rows["K000107"][5]  # referrals from the log
    assert rows["Ｋ000201"][4] == "1"  # 740 days since the last purchase
    assert plain != out.read_text(encoding="utf-8")
