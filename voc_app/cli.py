"""``voc`` — the command line over the same functions the app uses.

Every error is one line on stderr and a non-zero exit code, never a traceback
(the traceback of an unexpected error goes to the log file named in the message).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import traceback
from pathlib import Path

from base.errors import Cancelled, InputError, UserError
from voc_app import __version__
from voc_app.cli_common import ProgressBar as _Bar
from voc_app.labels import format_label, label, labels
from voc_app.project import Project, ProjectError, StoreOperationalError, create_project, operational_message

EXIT_INPUT = 2
EXIT_INTERNAL = 1
EXIT_CANCELLED = 130


def _log_path() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(Path.home(), ".local", "state")
    d = Path(base) / "voc-analyzer"
    try:
        d.mkdir(parents=True, exist_ok=True)
    except OSError:
        d = Path(tempfile.gettempdir())
    return d / "voc.log"


def cmd_new(args: argparse.Namespace) -> int:
    with create_project(args.project):
        pass
    print(f"プロジェクトを作成しました: {args.project}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from importers.read import parse_map_args
    from voc_app.importing import import_file

    overrides = parse_map_args(args.map or [])
    with Project(args.project) as project:
        bar = _Bar(Path(args.file).name, enabled=not args.no_progress and sys.stderr.isatty())
        try:
            report = import_file(project, args.file, format=args.kind or args.format, encoding=args.encoding,
                                 overrides=overrides, dry_run=args.dry_run, progress=bar)
        finally:
            bar.close()
    if args.json:
        print(json.dumps(report.__dict__, ensure_ascii=False, indent=1))
        return 0
    print(f"形式: {report.format_label} [{report.format}]（確度 {report.confidence:.2f}）— {report.reason}")
    print(f"文字コード: {report.encoding or '（Excel/Word ファイル）'}")
    if args.dry_run or args.verbose:
        print("列の役割:")
        for c in report.columns:
            why = f"  ← {c['reason']}" if c["reason"] else ""
            label = c["label"] if c["label"] == c["id"] else f"{c['id']}: {c['label']}"
            print(f"  {c['role']:<8} {label}{why}")
        if report.preview:
            print("先頭の行:")
            for row in report.preview[:5]:
                print("  " + " | ".join(v.replace("\n", "⏎")[:40] for v in row))
    c = report.counts
    head = "試行（取り込みはしていません）" if args.dry_run else f"取り込みました（バッチ {report.batch_id}）"
    print(head + ":")
    parts = [("回答", "responses"), ("発言", "verbatims"), ("無回答", "non_answers"), ("チケット", "tickets"),
             ("更新チケット", "tickets_updated"), ("インタビュー", "interviews"), ("新規顧客", "customers_added"),
             ("重複行スキップ", "duplicates_skipped"), ("取り込み済み", "already_present"),
             ("途中回答", "partial_responses"), ("重複送信", "duplicate_submissions"), ("空行", "blank_rows"),
             ("顧客リストの行", "customers_listed"), ("更新した顧客", "customers_updated"), ("注文", "orders"),
             ("更新した注文", "orders_updated"), ("紹介", "referrals"), ("更新した紹介", "referrals_updated"),
             ("他のデータにない ID", "unmatched_ids")]
    print("  " + "、".join(f"{label} {c[k]:,}" for label, k in parts if c.get(k)))
    if report.skipped.get("empty_answer"):
        print(f"  空欄の回答 {report.skipped['empty_answer']:,} 件は発言にしていません")
    if report.same_file_batches:
        print(f"  同じファイルをバッチ {', '.join(map(str, report.same_file_batches))} で取り込み済みです")
    if report.warning_count:
        print(f"注意 {report.warning_count:,} 件:")
        for w in report.warnings[:10]:
            print(f"  {w}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from voc_app.overview import project_info

    with Project(args.project) as project:
        info = project_info(project)
    counts, bs, by_q, analysed = info["counts"], info["batches"], info["by_question"], info["analysis"]
    if args.json:
        out = dict(counts)
        out["analysis"] = analysed
        out["batches"] = bs
        out["by_question"] = [{"kind": k, "question": q, "verbatims": n, "non_answers": na or 0}
                              for k, q, n, na in by_q]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    print(f"プロジェクト: {args.project}")
    print(f"  発言 {counts['verbatims']:,}（無回答 {counts['non_answers']:,}）、顧客 {counts['customers']:,}、"
          f"回答 {counts['responses']:,}、チケット {counts['tickets']:,}、インタビュー {counts['interviews']:,}、"
          f"重複スキップ {counts['duplicates_skipped']:,}")
    if analysed["polarity"]:
        print("  分析: " + "、".join(f"{label('polarity', k)} {v:,}" for k, v in analysed["polarity"].items())
              + f"；解約の兆し {analysed['signals']['churn']:,}、推奨・紹介 {analysed['signals']['advocacy']:,}")
    else:
        print("  分析: まだです（voc analyze で分析します）")
    kinds = labels("source")
    if by_q:
        print("種類・設問ごと:")
        for k, q, n, na in by_q:
            print(f"  {kinds.get(k, k)} / {q or '-'}: {n:,}（無回答 {na or 0:,}）")
    if bs:
        print("取り込みバッチ:")
        for b in bs:
            print(f"  {b['id']:>3} {b['started_at'][:16]} {b['file_name']} [{format_label(b['format'])}] 回答 {b['responses']:,}"
                  f" 発言 {b['verbatims']:,} チケット {b['tickets']:,} 重複 {b['duplicates_skipped']:,}"
                  f" 取込済 {b['already_present']:,}")
    return 0


def _read_tsv(path: str) -> tuple[list[str], list[list[str]]]:
    """A plain TSV as the evaluation sets write it: UTF-8, one header line, no quoting."""
    p = Path(path)
    if not p.exists():
        raise InputError("ファイルが見つかりません", file=str(p))
    try:
        with open(p, encoding="utf-8-sig", newline="") as f:
            lines = f.read().split("\n")
    except UnicodeDecodeError as e:
        raise InputError("UTF-8 で読めません", file=p.name, hint="UTF-8 の TSV を指定してください") from e
    lines = [ln[:-1] if ln.endswith("\r") else ln for ln in lines]
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        raise InputError("空のファイルです", file=p.name)
    header = lines[0].split("\t")
    rows = []
    for n, ln in enumerate(lines[1:], start=2):
        cells = ln.split("\t")
        if len(cells) != len(header):
            raise InputError(f"列の数が見出しと違います（見出し {len(header)} 列、この行 {len(cells)} 列）", file=p.name, row=n)
        rows.append(cells)
    return header, rows


def _tsv_cell(v: object) -> str:
    """A TSV cell on one line, safe to open in a spreadsheet (formula-like text prefixed with ')."""
    from voc_app.export.safe import tsv_cell

    return tsv_cell(v)


def cmd_classify(args: argparse.Namespace) -> int:
    from voc_app.analysis import analyze_texts

    header, rows = _read_tsv(args.input)
    if args.text_column not in header:
        raise InputError(f"列「{args.text_column}」がありません", file=Path(args.input).name, row=1,
                         hint="列: " + "、".join(header))
    i = header.index(args.text_column)
    bar = _Bar(Path(args.input).name, enabled=sys.stderr.isatty())
    try:
        results = analyze_texts([r[i] for r in rows], workers=args.workers, progress=bar)
    finally:
        bar.close()
    added = ["polarity", "churn", "advocacy", "stage", "evidence", "polarity_p", "churn_p", "advocacy_p"]
    # an input column with an output name (e.g. gold labels) is kept, renamed *_input
    kept = [f"{h}_input" if h in added else h for h in header]
    if kept != header:
        print("注意: 入力の列 " + "、".join(h for h in header if h in added) + " は *_input として残します",
              file=sys.stderr)
    out_header = kept + added
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(_tsv_cell(h) for h in out_header) + "\n")
        for r, (a, _) in zip(rows, results, strict=True):
            ev = json.dumps([e.as_dict() for e in a.evidence], ensure_ascii=False)
            probs = ["" if (p := a.probability(k)) is None else f"{p:.4f}" for k in ("polarity", "churn", "advocacy")]
            f.write("\t".join(_tsv_cell(v) for v in [*r, a.polarity, int(a.churn), int(a.advocacy), a.stage, ev, *probs])
                    + "\n")
    print(f"{len(rows):,} 行を分類しました: {args.out}")
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from voc_app.analysis import analyze_project
    from voc_app.overview import analysis_summary

    with Project(args.project) as project:
        bar = _Bar("分析", enabled=sys.stderr.isatty())
        try:
            res = analyze_project(project, workers=args.workers, progress=bar)
        finally:
            bar.close()
        s = analysis_summary(project)
    print(f"分析しました: {res['analyzed']:,} 件（{res['analyzer']}）")
    print("  極性: " + "、".join(f"{label('polarity', k)} {v:,}" for k, v in s["polarity"].items()))
    print("  段階: " + "、".join(f"{label('stage', k)} {v:,}" for k, v in s["stage"].items()))
    print(f"  解約の兆し {s['signals']['churn']:,}、推奨・紹介 {s['signals']['advocacy']:,}")
    if (learned := res.get("learned")) is not None:  # corrections refitted the project layer
        agree = "—" if learned.agreement is None else f"{learned.agreement:.1%}"
        print(f"  修正 {learned.corrections:,} 件から補正を学習（交差検証の一致率 {agree}）")
    return 0


def cmd_terms(args: argparse.Namespace) -> int:
    from voc_app.analysis import add_terms, terms

    with Project(args.project) as project:
        if args.file:
            n = add_terms(project, _read_terms(args.file))
            print(f"用語を {n:,} 件登録しました（次の voc analyze から 1 語として扱います）")
        for term, reading in terms(project):
            print(f"  {term}" + (f"（{reading}）" if reading else ""))
    return 0


def _read_terms(path: str) -> list[tuple[str, str | None]]:
    """A user term list: one term per line, optionally ``term,reading`` (CSV or plain text)."""
    import csv
    import io

    from importers.encoding import detect_encoding

    p = Path(path)
    if not p.exists():
        raise InputError("ファイルが見つかりません", file=str(p))
    with open(p, "rb") as f:
        head = f.read(65536)
    text = p.read_bytes().decode(detect_encoding(p, head)).lstrip("\ufeff")
    out: list[tuple[str, str | None]] = []
    for n, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not row[0].strip() or row[0].startswith("#"):
            continue
        term = row[0].strip()
        if len(term) > 60:
            raise InputError("用語が長すぎます（60 文字まで）", file=p.name, row=n, column="1")
        out.append((term, row[1].strip() if len(row) > 1 and row[1].strip() else None))
    if not out:
        raise InputError("用語がありません", file=p.name, hint="1 行に 1 語（「語,読み」も可）で書いてください")
    return out


def _num(v: str, file: str, row: int, column: str, integer: bool = False):
    from importers.values import parse_float, parse_int

    if not v.strip():
        return None
    x = parse_int(v) if integer else parse_float(v)
    if x is None:
        raise InputError(f"数値ではありません（{v[:20]!r}）", file=file, row=row, column=column)
    return x


def _with_project_behaviour(customers: list, project_path: str) -> list:
    """Fill behaviour a plain file leaves empty (tenure, referrals, last activity, purchases)
    from an imported project's customer lists, orders and referral logs (ids matched cleaned)."""
    import dataclasses

    from importers.values import clean_id
    from voc_app.signals import behaviour_by_customer

    with Project(project_path) as project:
        beh = behaviour_by_customer(project)
    out = []
    for c in customers:
        b = beh.get(clean_id(c.customer_id) or "", {})
        if b:
            fill = {"tenure_months": b["tenure_days"] / 30.44 if b.get("tenure_days") is not None else None,
                    "referrals": b.get("referrals"), "last_active_days": b.get("recency_days"),
                    "referrals_converted": b.get("referrals_converted") if b.get("referrals") else None,
                    "days_since_purchase": b.get("recency_days") if b.get("frequency") else None,
                    "frequency": b.get("frequency"), "monetary": b.get("monetary")}
            c = dataclasses.replace(c, **{k: v for k, v in fill.items() if getattr(c, k) is None and v is not None})
        out.append(c)
    return out


def cmd_score(args: argparse.Namespace) -> int:
    from nlp.scoring import CustomerFacts, VoiceFacts, score_customer
    from voc_app.analysis import analyze_texts

    cname, vname = Path(args.customers).name, Path(args.verbatims).name
    ch, crows = _read_tsv(args.customers)
    vh, vrows = _read_tsv(args.verbatims)
    for need, header, name in (("customer_id", ch, cname), ("id", vh, vname), ("customer_id", vh, vname),
                               ("text", vh, vname)):
        if need not in header:
            raise InputError(f"列「{need}」がありません", file=name, row=1, hint="列: " + "、".join(header))
    ci = {h: i for i, h in enumerate(ch)}
    customers = []
    for n, r in enumerate(crows, start=2):
        def get(col: str, integer: bool = False, r=r, n=n):
            return _num(r[ci[col]], cname, n, col, integer) if col in ci else None
        customers.append(CustomerFacts(r[ci["customer_id"]].strip(), get("nps", True), get("tenure_months"),
                                       get("tickets_90d", True), get("referrals", True), get("last_active_days")))
    if args.project:
        customers = _with_project_behaviour(customers, args.project)
    vi = {h: i for i, h in enumerate(vh)}
    bar = _Bar(vname, enabled=sys.stderr.isatty())
    try:
        analysed = analyze_texts([r[vi["text"]] for r in vrows], workers=args.workers, progress=bar)
    finally:
        bar.close()
    voices: dict[str, list[VoiceFacts]] = {}
    for r, (a, _) in zip(vrows, analysed, strict=True):
        voices.setdefault(r[vi["customer_id"]].strip(), []).append(
            VoiceFacts(r[vi["id"]], r[vi["text"]], a.polarity, a.churn, a.advocacy, a.probability("churn"),
                       a.probability("advocacy")))
    thresholds = {"ambassador": args.ambassador_threshold, "churn": args.churn_threshold}
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        f.write("customer_id\tambassador_score\tchurn_score\tambassador_flag\tchurn_flag\treasons\tevidence\n")
        for c in customers:
            s = score_customer(c, voices.get(c.customer_id, []), thresholds)
            f.write("\t".join(_tsv_cell(x) for x in (
                s.customer_id, f"{s.ambassador_score:.1f}", f"{s.churn_score:.1f}", int(s.ambassador_flag), int(s.churn_flag),
                " / ".join(s.reasons), ",".join(s.evidence))) + "\n")
    print(f"{len(customers):,} 人を評価しました: {args.out}")
    return 0


SEGMENTS = labels("segment")  # what people read for each code (voc_app.labels)
REVIEW_STATES = labels("review_state")


def cmd_signals(args: argparse.Namespace) -> int:
    from voc_app.review import flagged_lists
    from voc_app.signals import score_project

    with Project(args.project) as project:
        given = {k: v for k, v in (("ambassador", args.ambassador_threshold), ("churn", args.churn_threshold))
                 if v is not None}
        seg = score_project(project, given or None)
        kinds = [args.kind] if args.kind else ["ambassador", "churn"]
        lists = flagged_lists(project, kinds=kinds)
    if args.format == "tsv":
        print("kind\tcustomer_id\tscore\treview\treasons\tevidence")
        for k, rows in lists.items():
            for r in rows:
                print("\t".join(_tsv_cell(x) for x in (k, r["customer_id"], f"{r['score']:.1f}", r["review"] or "",
                                                       " / ".join(r["reasons"]), ",".join(r["evidence"]))))
        return 0
    order = list(SEGMENTS)  # the table's order: ambassador, loyal, watch, at_risk, dormant, unknown
    print("ロイヤルティ区分: " + "、".join(f"{label('segment', k)} {v:,}" for k, v in sorted(
        seg["now"].items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0])))
          + (f"（前回から移動 {seg['moved']['customers']:,} 人）" if seg["before"] else ""))
    titles = {"ambassador": "アンバサダー候補", "churn": "解約リスク"}
    for k, rows in lists.items():
        print(f"{titles[k]} {len(rows):,} 人:")
        for r in rows:
            state = f" [{REVIEW_STATES[r['review']]}]" if r["review"] else ""
            print(f"  {r['customer_id']:<10} {r['score']:5.1f}{state} {' / '.join(r['reasons'])}")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from voc_app.review import review_customer

    with Project(args.project) as project:
        try:
            review_customer(project, customer=args.customer, kind=args.kind, state=args.state, note=args.note or "")
        except KeyError:
            raise InputError(f"顧客「{args.customer}」はいません", hint="voc signals で顧客 ID を確認してください") from None
    print(f"{args.customer}: {label('flag', args.kind)}を「{REVIEW_STATES[args.state]}」にしました")
    return 0


def _ensure_analyzed(project) -> None:
    from voc_app.analysis import analyze_project

    res = analyze_project(project)
    if res["analyzed"]:
        print(f"先に未分析の {res['analyzed']:,} 件を分析しました", file=sys.stderr)


def cmd_topics(args: argparse.Namespace) -> int:
    from voc_app.topics import (
        SIDE_NAMES,
        rare_voices,
        topic_breakdown,
        topic_list,
        topic_trend,
        update_topics,
    )

    with Project(args.project) as project:
        _ensure_analyzed(project)
        bar = _Bar("トピック", enabled=sys.stderr.isatty())
        try:
            res = update_topics(project, args.side, refit=args.refit, n_topics=args.topics, progress=bar)
        finally:
            bar.close()
        info = topic_list(project, args.side)
        names = {t["id"]: t["label"] for t in info["topics"]}
        if args.trend or args.by:
            rows = topic_trend(project, args.side, args.trend) if args.trend else \
                topic_breakdown(project, args.side, args.by)
            col = "period" if args.trend else args.by
            print("\t".join(["topic", "label", col, "answers"]))
            for tid, val, n in rows:
                print("\t".join(_tsv_cell(v) for v in [tid if tid is not None else -1,
                                                        names.get(tid, "まれな声" if tid is None else ""), val, n]))
            return 0
        if args.rare:
            for g in rare_voices(project, args.side):
                for v in g["voices"]:
                    print(f"[{g['group']}] {v['verbatim_id']}\t{_tsv_cell(v['customer_id'] or '')}\t{_tsv_cell(v['text'])}")
            return 0
    if args.format == "tsv":
        print("\t".join(["id", "label", "size", "share", "words", "quote"]))
        for t in info["topics"]:
            print("\t".join(_tsv_cell(v) for v in [t["id"], t["label"], t["size"], f"{t['share']:.4f}",
                                                    " ".join(t["words"]), (t["quotes"] or [""])[0]]))
        return 0
    how = "推定しました" if res["fitted"] else f"更新しました（新しい回答 {res.get('added', 0):,} 件を割り当て）"
    print(f"{SIDE_NAMES[args.side]}のトピック: {len(info['topics'])} 件、回答 {info['answers']:,} 件、"
          f"まれな声 {info['rare']:,} 件（{how}）")
    for t in info["topics"]:
        quote = " ".join((t["quotes"] or [""])[0].split())
        quote = quote if len(quote) <= 60 else quote[:59] + "…"
        mixed = "  ※ 2 つの話題が混ざっています（voc topic split で分けられます）" if t["mixed"] is not None else ""
        print(f"{t['id']:>5}  {t['label']}  {t['size']:,} 件（{t['share'] * 100:.1f}%）{mixed}")
        print(f"       語: {'、'.join(t['keywords'] or t['words'][:6])}")
        if quote:
            print(f"       例: 「{quote}」")
    return 0


def cmd_topic(args: argparse.Namespace) -> int:
    from voc_app import topics as p

    with Project(args.project) as project:
        a = args.action
        if a == "rename":
            p.rename_topic(project, int(args.args[0]), " ".join(args.args[1:]))
            print(f"トピック {args.args[0]} の名前を変えました")
        elif a == "merge":
            ids = [int(x) for x in args.args]
            p.merge_topics(project, ids[0], ids[1:])
            print(f"トピック {', '.join(map(str, ids[1:]))} を {ids[0]} に統合しました")
        elif a == "split":
            ids = p.split_topic(project, int(args.args[0]), int(args.args[1]) if len(args.args) > 1 else 2)
            print(f"トピック {args.args[0]} を分割しました: {', '.join(map(str, ids))}")
        elif a == "delete":
            n = p.delete_topic(project, int(args.args[0]))
            print(f"トピック {args.args[0]} を削除しました（{n:,} 件はまれな声へ）")
        elif a == "move":
            target = None if args.args[-1] in ("-1", "rare") else int(args.args[-1])
            n = p.move_to_topic(project, args.side, [int(x) for x in args.args[:-1]], target)
            print(f"{n:,} 件を移動しました")
        elif a == "seed":
            p.set_seed_words(project, int(args.args[0]), args.args[1:])
            print(f"トピック {args.args[0]} のシード語を固定しました（次の --refit で使います）")
        elif a == "undo":
            done = p.undo_topic_edit(project, args.side)
            print(f"元に戻しました: {done}" if done else "元に戻す編集はありません")
        elif a == "redo":
            done = p.redo_topic_edit(project, args.side)
            print(f"やり直しました: {done}" if done else "やり直す編集はありません")
    return 0


def _tsv_texts(args: argparse.Namespace) -> tuple[list[str], list[list[str]], list[str]]:
    header, rows = _read_tsv(args.input)
    if args.text_column not in header:
        raise InputError(f"列「{args.text_column}」がありません", file=Path(args.input).name, row=1,
                         hint="列: " + "、".join(header))
    i = header.index(args.text_column)
    return header, rows, [r[i] for r in rows]


def cmd_cluster(args: argparse.Namespace) -> int:
    from nlp.topics import docs_tokens, fit_topics

    header, rows, texts = _tsv_texts(args)
    fit = fit_topics(docs_tokens(texts), n_topics=args.topics)
    labels = {t.number: t.label for t in fit.topics}
    kept = [f"{h}_input" if h in ("topic", "topic_label") else h for h in header]
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(_tsv_cell(h) for h in [*kept, "topic", "topic_label"]) + "\n")
        for r, lab in zip(rows, fit.labels, strict=True):
            f.write("\t".join(_tsv_cell(v) for v in [*r, int(lab), labels.get(int(lab), "まれな声")]) + "\n")
    rare = int((fit.labels < 0).sum())
    print(f"{len(rows):,} 行を {len(fit.topics)} トピックに分けました（まれな声 {rare:,} 行 = "
          f"{rare / max(1, len(rows)) * 100:.1f}%）: {args.out}")
    return 0


def cmd_embed(args: argparse.Namespace) -> int:
    import numpy as np

    from nlp.topics import embed

    _, rows, texts = _tsv_texts(args)
    X = embed(texts).astype(np.float32)
    np.save(args.out, X)
    print(f"{X.shape[0]:,} 行 × {X.shape[1]} 次元を書きました: {args.out}")
    return 0


def cmd_referrals(args: argparse.Namespace) -> int:
    from voc_app.signals import referral_report

    with Project(args.project) as project:
        _ensure_analyzed(project)
        rep = referral_report(project)
    cols = ["customer_id", "referrals", "converted", "conversion_rate", "last_referral_at", "nps", "nps_group",
            "segment", "ambassador_flag", "rfm_segment"]
    if args.format == "tsv":
        print("\t".join(cols))
        for r in rep["referrers"]:
            print("\t".join(_tsv_cell(v) for v in (
                r["customer_id"], r["referrals"], r["converted"], f"{r['conversion_rate']:.3f}",
                r["last_referral_at"] or "", "" if r["nps"] is None else r["nps"], r["nps_group"], r["segment"],
                int(r["ambassador_flag"]), r["rfm_segment"])))
        return 0
    if not rep["referrers"]:
        print("紹介の記録がありません（紹介ログを voc import で取り込んでください）")
    else:
        print(f"紹介者 {len(rep['referrers']):,} 人、紹介 {rep['total_referrals']:,} 件、うち購入 {rep['converted']:,} 件"
              f"（{rep['conversion_rate'] * 100:.1f}%）")
        print("紹介の多い顧客（購入につながった順）:")
        for r in rep["referrers"][:args.top]:
            flag = "アンバサダー" if r["ambassador_flag"] else SEGMENTS.get(r["segment"], r["segment"] or "-")
            print(f"  {r['customer_id']:<10} 紹介 {r['referrals']} 件中 {r['converted']} 件が購入"
                  f"  {r['nps_group']}  {flag}  {r['rfm_segment'] or ''}")
        for title, key, name in (("区分別の購入率", "by_segment", SEGMENTS), ("NPS 区分別の購入率", "by_nps_group", {})):
            print(title + ":")
            for g in rep[key]:
                print(f"  {name.get(g['group'], g['group']):<8} 紹介者 {g['referrers']} 人、紹介 {g['referrals']} 件、"
                      f"購入 {g['converted']} 件（{g['conversion_rate'] * 100:.0f}%）")
        others = rep["referrers_not_ambassadors"]
        if others:
            print(f"紹介しているがアンバサダー候補でない顧客 {len(others)} 人: "
                  + "、".join(r["customer_id"] for r in others[:args.top]))
    quiet = rep["ambassadors_without_referrals"]
    print(f"まだ紹介のないアンバサダー候補 {len(quiet)} 人（次の紹介キャンペーンの招待先）: "
          + ("、".join(r["customer_id"] for r in quiet[:args.top]) or "なし"))
    return 0


DRIVERS_TSV = ("side", "topic_id", "topic", "n_with", "n_without", "nps_with", "nps_without", "impact", "ci_low",
               "ci_high", "promoter_diff", "detractor_diff", "overall_effect", "significant")


def cmd_drivers(args: argparse.Namespace) -> int:
    import unicodedata

    from voc_app.drivers import COLUMNS, format_nps, nps_drivers

    with Project(args.project) as project:
        rep = nps_drivers(project, min_mentions=args.min, side=args.side)
    if args.tsv:
        print("\t".join(DRIVERS_TSV))
        for d in rep.rows():  # 件数不足: the figures are empty cells
            figures = [d.nps_with, d.nps_without, d.impact, d.ci_low, d.ci_high, d.promoter_diff, d.detractor_diff,
                       d.overall_effect]
            cells = [d.side, d.topic_id, d.label, d.n_with, d.n_without,
                     *("" if x is None else round(x, 2) + 0.0 for x in figures), int(d.significant) if d.enough else ""]
            print("\t".join(_tsv_cell(v) for v in cells))
        for t in rep.tables:
            if not t.has_topics:
                print(f"注意: {t.message}", file=sys.stderr)
        return 0

    def width(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    def fit(s: str, w: int) -> str:
        s = " ".join(s.split())
        while width(s) > w:
            s = s[:-2] + "…"
        return s

    print(f"回答者 {rep.respondents:,} 人、NPS {format_nps(rep.nps)}（推奨者 {rep.promoters:,}・中立者 "
          f"{rep.passives:,}・批判者 {rep.detractors:,}）")
    for t in rep.tables:
        print()
        print(f"■ {t.title}" + ("（全体 NPS を大きく下げている順）" if t.side == "pain" else "（全体 NPS を大きく支えている順）"))
        if not t.has_topics:
            print(f"  {t.message}")
            continue
        rows = [["", *COLUMNS]] + [[str(d.rank or ""), fit(d.label, 30), *d.cells()[1:]] for d in (*t.ranked, *t.too_few)]
        for d, r in zip((*t.ranked, *t.too_few), rows[1:], strict=True):
            r[6] += " *" if d.significant else "  "
        if len(rows) == 1:
            print("  （トピックがありません）")
            continue
        widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
        for r in rows:
            # the label left-aligned, numbers right-aligned
            print("  " + "  ".join(c + " " * (w - width(c)) if i == 1 else " " * (w - width(c)) + c
                                   for i, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip())
        if not t.ranked:
            print(f"  比べられるトピックがありません（言及あり・なしが各 {rep.min_mentions} 人以上のもの）")
    print()
    print("差 = NPS（言及あり）− NPS（なし）。* は 95%信頼区間が 0 を含まない差です。")
    print("全体NPSへの影響 = 差 × 言及した人の割合（言及した人が他の人と同じ点をつけたら、全体 NPS が何ポイント違うか）。")
    print(f"言及あり・なしのどちらかが {rep.min_mentions} 人未満のトピックは件数不足です（--min N で変更）。")
    return 0


def _day(v: str | None, flag: str) -> str | None:
    if not v:
        return None
    from importers.values import parse_datetime

    iso = parse_datetime(v)
    if iso is None:
        raise InputError(f"{flag} {v}: 日付として読めません（例: 2025-04-01）")
    return iso[:10]


def cmd_export(args: argparse.Namespace) -> int:
    from voc_app.export.excel import Filter, export, parse_filters

    flt = Filter(_day(args.date_from, "--from"), _day(args.date_to, "--to"), parse_filters(args.filter or []))
    with Project(args.project) as project:
        from voc_app.overview import filter_count

        if not filter_count(project, flt=flt):  # an empty workbook reported as a success helps no one
            raise InputError(f"条件（{flt.describe()}）に合う発言がありません。何も書き出していません",
                             hint="期間や --filter を見直してください")
        bar = _Bar("書き出し", enabled=sys.stderr.isatty())
        try:
            res = export(project, args.out, flt=flt, mask_pii=args.mask_pii, progress=bar,
                         csv_encoding=args.encoding)
        finally:
            bar.close()
    print(f"書き出しました: {res.path}（発言 {res.verbatims:,} 件、シート: {'、'.join(res.sheets)}）")
    if args.mask_pii:
        what = {"email": "メール", "phone": "電話番号", "postcode": "郵便番号", "address": "住所", "name": "氏名"}
        print("  マスク: " + ("、".join(f"{what[k]} {v:,}" for k, v in res.masked.items()) or "該当なし")
              + "（顧客 ID は仮名）")
    if res.truncated_cells:
        kind = "CP932 で表せない文字を ? にしました" if args.out.lower().endswith(".csv") else \
            "32,767 文字を超えるセルを切り詰めました"
        print(f"  注意: {kind}（{res.truncated_cells:,}）")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from importers.detect import FORMATS

    p = argparse.ArgumentParser(prog="voc", description="VoC Analyzer — 日本語の顧客の声を分析します（オフライン）")
    p.add_argument("--version", action="version", version=f"voc {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("new", help="新しいプロジェクトファイルを作る")
    s.add_argument("project", help="プロジェクトファイル（例: 調査2025.voc）")
    s.set_defaults(func=cmd_new)

    s = sub.add_parser("import", help="アンケート・サポート履歴・インタビュー記録を取り込む",
                       description="1 ファイル = 1 トランザクション。失敗・中断しても何も変わりません。")
    s.add_argument("project")
    s.add_argument("file")
    s.add_argument("--format", choices=sorted(FORMATS), help="形式を指定（既定: 自動判定）")
    s.add_argument("--kind", choices=["customers", "orders", "referrals"],
                   help="行動データの種類を指定（顧客リスト・注文履歴・紹介ログ。判定が不確かなとき）")
    s.add_argument("--encoding", help="文字コードを指定（例: cp932, utf-8）")
    s.add_argument("--map", action="append", metavar="ROLE=COLUMN",
                   help="列の役割を指定（id, customer, time, nps, score, text, choice, attr, ignore; text・choice・attr は複数可）")
    s.add_argument("--dry-run", action="store_true", help="取り込まずに判定結果・列の役割・先頭の行・件数を表示")
    s.add_argument("--json", action="store_true", help="結果を JSON で出力")
    s.add_argument("-v", "--verbose", action="store_true", help="列の役割と先頭の行も表示")
    s.add_argument("--no-progress", action="store_true", help="進捗バーを出さない")
    s.set_defaults(func=cmd_import)

    s = sub.add_parser("classify", help="TSV の各行を分類（極性・解約・推奨・段階・根拠）して TSV に書く")
    s.add_argument("input", help="入力 TSV（UTF-8、見出し 1 行、引用符なし）")
    s.add_argument("--text-column", default="text", help="本文の列（既定: text）")
    s.add_argument("--out", required=True, help="出力 TSV（入力の全列 + polarity, churn, advocacy, stage, evidence, polarity_p, churn_p, advocacy_p）")
    s.add_argument("--workers", type=int, help="並列数（既定: CPU コア数）")
    s.set_defaults(func=cmd_classify)

    s = sub.add_parser("analyze", help="プロジェクトの全発言を分析して保存（未分析・旧版の分だけ）")
    s.add_argument("project")
    s.add_argument("--workers", type=int, help="並列数（既定: CPU コア数）")
    s.set_defaults(func=cmd_analyze)

    s = sub.add_parser("score", help="顧客ごとのアンバサダー・解約リスクを TSV で評価（NPS・行動・発言）")
    s.add_argument("customers", help="顧客 TSV（customer_id と nps, tenure_months, tickets_90d, referrals, last_active_days）")
    s.add_argument("verbatims", help="発言 TSV（id, customer_id, text）")
    s.add_argument("--out", required=True, help="出力 TSV（customer_id, ambassador_score, churn_score, ambassador_flag,"
                   " churn_flag, reasons, evidence）")
    s.add_argument("--ambassador-threshold", type=float, default=50.0)
    s.add_argument("--churn-threshold", type=float, default=50.0)
    s.add_argument("--workers", type=int, help="並列数（既定: CPU コア数）")
    s.add_argument("--project", help="行動データ（顧客リスト・注文・紹介）を取り込んだプロジェクト: 顧客 TSV の空欄を補う")
    s.set_defaults(func=cmd_score)

    s = sub.add_parser("signals", help="顧客を評価し、アンバサダー候補・解約リスクを一覧（理由と根拠付き）")
    s.add_argument("project")
    s.add_argument("--kind", choices=["ambassador", "churn"])
    s.add_argument("--format", choices=["text", "tsv"], default="text")
    s.add_argument("--ambassador-threshold", type=float, help="フラグのしきい値（プロジェクトに保存、既定 50）")
    s.add_argument("--churn-threshold", type=float, help="フラグのしきい値（プロジェクトに保存、既定 50）")
    s.set_defaults(func=cmd_signals)

    s = sub.add_parser("review", help="フラグの付いた顧客を確認済み・対象外・連絡済みにする（メモ付き）")
    s.add_argument("project")
    s.add_argument("customer", help="顧客 ID")
    s.add_argument("--kind", choices=["ambassador", "churn"], required=True)
    s.add_argument("--state", choices=sorted(REVIEW_STATES), required=True)
    s.add_argument("--note", help="メモ")
    s.set_defaults(func=cmd_review)

    s = sub.add_parser("terms", help="商品名・ブランド名などの用語を登録・一覧（Sudachi ユーザー辞書）")
    s.add_argument("project")
    s.add_argument("file", nargs="?", help="用語のファイル（1 行 1 語、「語,読み」も可）")
    s.set_defaults(func=cmd_terms)

    s = sub.add_parser("topics", help="喜び・不満のトピックを推定・更新して一覧（件数・割合・語・例）")
    s.add_argument("project")
    s.add_argument("--side", choices=["delight", "pain", "all"], default="delight",
                   help="delight=喜び（既定）、pain=不満、all=全回答")
    s.add_argument("--refit", action="store_true", help="トピックを推定し直す（一致するトピックの名前は残す）")
    s.add_argument("--topics", type=int, help="トピック数（既定: 回答数から自動）")
    s.add_argument("--format", choices=["text", "tsv"], default="text")
    s.add_argument("--rare", action="store_true", help="まれな声（どのトピックにも入らない回答）を一覧")
    s.add_argument("--trend", choices=["month", "week"], help="トピックごとの月別・週別の件数（TSV）")
    s.add_argument("--by", help="トピックごとの内訳（source、nps_group、または属性名 例: 年代）（TSV）")
    s.set_defaults(func=cmd_topics)

    s = sub.add_parser("topic", help="トピックを編集: rename・merge・split・delete・move・seed・undo・redo")
    s.add_argument("project")
    s.add_argument("action", choices=["rename", "merge", "split", "delete", "move", "seed", "undo", "redo"])
    s.add_argument("args", nargs="*", help="rename ID 名前 / merge 残すID ID… / split ID [数] / delete ID /"
                                            " move 回答ID… トピックID|rare / seed ID 語… / undo / redo")
    s.add_argument("--side", choices=["delight", "pain", "all"], default="delight", help="move・undo・redo の対象マップ")
    s.set_defaults(func=cmd_topic)

    s = sub.add_parser("drivers", help="NPS を動かすトピック: 言及した人としない人の NPS の差（95%%信頼区間付き）で"
                       "「まず直すべき不満」と「守るべき喜び」を順位付け")
    s.add_argument("project")
    s.add_argument("--side", choices=["delight", "pain", "all"], default="all",
                   help="pain=まず直すべき不満、delight=守るべき喜び、all=両方（既定）")
    s.add_argument("--min", type=int, default=5, metavar="N",
                   help="比べるのに必要な人数: 言及あり・なしが各 N 人以上（既定 5）。足りないトピックは件数不足")
    s.add_argument("--tsv", action="store_true", help="機械可読な TSV で出力（side, topic_id, topic, n_with … significant）")
    s.set_defaults(func=cmd_drivers)

    s = sub.add_parser("referrals", help="紹介レポート: 紹介の多い顧客、購入率（区分・NPS 別）、紹介のないアンバサダー候補")
    s.add_argument("project")
    s.add_argument("--format", choices=["text", "tsv"], default="text",
                   help="tsv: 紹介者 1 人 1 行（customer_id, referrals, converted …）")
    s.add_argument("--top", type=int, default=20, help="一覧に出す人数（既定 20）")
    s.set_defaults(func=cmd_referrals)

    s = sub.add_parser("export", help="Excel のサマリー（.xlsx: 概要・トピック・顧客・クロス集計・発言一覧）か発言の CSV を書き出す")
    s.add_argument("project")
    s.add_argument("out", help="出力ファイル（.xlsx または .csv）")
    s.add_argument("--mask-pii", action="store_true", help="メール・電話番号・住所・氏名を伏せ、顧客 ID を仮名にする")
    s.add_argument("--from", dest="date_from", metavar="DATE", help="この日以降の発言（例: 2025-04-01）")
    s.add_argument("--to", dest="date_to", metavar="DATE", help="この日までの発言")
    s.add_argument("--filter", action="append", metavar="KEY=VALUE",
                   help="絞り込み（source, polarity, stage, question, customer, または属性名 例: 年代=30代）。複数可")
    s.add_argument("--encoding", default="utf-8", help="CSV の文字コード: utf-8（BOM 付き、既定）または cp932")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("cluster", help="TSV の全行をトピックに分け、topic・topic_label 列を足して書く")
    s.add_argument("input")
    s.add_argument("--text-column", default="text")
    s.add_argument("--out", required=True)
    s.add_argument("--topics", type=int, help="トピック数（既定: 行数から自動）")
    s.set_defaults(func=cmd_cluster)

    s = sub.add_parser("embed", help="TSV の各行の埋め込み（float32、入力と同じ順）を .npy に書く")
    s.add_argument("input")
    s.add_argument("--text-column", default="text")
    s.add_argument("--out", required=True)
    s.set_defaults(func=cmd_embed)

    from voc_app.cli_coding import add_parsers

    add_parsers(sub)

    from voc_app.cli_labels import add_parsers as add_label_parsers

    add_label_parsers(sub)

    from voc_app.cli_team import add_parsers as add_team_parsers

    add_team_parsers(sub)

    s = sub.add_parser("info", help="件数と取り込みバッチを表示")
    s.add_argument("project")
    s.add_argument("--json", action="store_true", help="1 つの JSON オブジェクトで出力")
    s.set_defaults(func=cmd_info)
    return p


def _terminate_as_interrupt() -> dict:
    """``kill`` (SIGTERM) and a closed terminal (SIGHUP) end a command like Ctrl+C does: the open
    transaction rolls back and the export's partial and temporary files are removed on the way
    out (``kill -9`` cannot be caught; what it leaves is removed by the next export)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    before = {}
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            before[getattr(signal, name)] = signal.signal(getattr(signal, name), interrupt)
    return before


def main(argv: list[str] | None = None) -> int:
    import signal

    before = _terminate_as_interrupt()
    try:
        return _main(argv)
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except InputError as e:
        print(f"エラー: {e.describe()}", file=sys.stderr)
        return EXIT_INPUT
    except ProjectError as e:
        print(f"エラー: {e}", file=sys.stderr)
        return EXIT_INPUT
    except UserError as e:  # a rule that does not parse, an edit that cannot be done …
        print(f"エラー: {e}", file=sys.stderr)
        return EXIT_INPUT
    except (Cancelled, KeyboardInterrupt):
        print("中断しました。プロジェクトは変更されていません。", file=sys.stderr)
        return EXIT_CANCELLED
    except StoreOperationalError as e:
        print(f"エラー: {operational_message(e)}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # `voc ... | head`: the reader left; not an error
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except OSError as e:
        print(f"エラー: {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        return EXIT_INPUT
    except Exception as e:  # noqa: BLE001 - the user gets one line, the log gets the traceback
        log = _log_path()
        try:
            with open(log, "a", encoding="utf-8") as f:
                f.write(traceback.format_exc())
        except OSError:
            pass
        print(f"内部エラー: {type(e).__name__}: {e}（詳細: {log}）", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
