"""Working as a team, in the main window (issue 24): the ツール menu (表記ゆれ…, 別のコピーを統合…,
バックアップ…, 表を書き出す…), 「表を書き出す…」 on the tables and charts of every view, quiet
backups after edits, and the word views redrawn when the 表記ゆれ change.

``install(window)`` is called once by ``MainWindow``; the dialogs live in their own modules
(``synonyms_dialog``, ``merge_dialog``, ``backups_dialog``) and the writing in ``table_export``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QPushButton

from voc_app.gui.backups_dialog import AutoBackup, BackupsDialog, is_edit, restore_in_window
from voc_app.gui.icons import icon
from voc_app.gui.jobs import Job
from voc_app.gui.merge_dialog import MergeDialog
from voc_app.gui.synonyms_dialog import SynonymsDialog
from voc_app.gui.table_export import attach, choose_and_export, model_rows


class TeamTools(QObject):
    """What ``install`` adds to one main window; kept as ``window.team``."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("team_tools")
        self.window = window
        self.dialog = None  # the dialog shown (one at a time)
        self.jobs: list[Job] = []
        # the parameters the word views were last drawn with (what 「表を書き出す」 and a redraw use)
        self.words: dict | None = None
        self.kwic: str | None = None
        self.network: dict | None = None
        self.topic: tuple[str, int] | None = None  # (side, row) of the topic shown under the maps

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.window and event.type() == QEvent.Type.Close:
            self.window.autobackup.stop()  # a closed window takes no more backups
        return False

    def idle(self) -> bool:
        return all(j.finished for j in self.jobs) and (self.dialog is None or not hasattr(self.dialog, "idle")
                                                      or self.dialog.idle())

    # --- menu -------------------------------------------------------------------------------------
    def menu(self) -> None:
        w = self.window
        m = w.menuBar().addMenu(self.tr("ツール(&T)"))
        m.setObjectName("menu_tools")
        m.setToolTipsVisible(True)
        specs = (
            ("action_synonyms", "synonyms", self.tr("表記ゆれ…"), "Ctrl+Shift+Y",
             self.tr("同じ語の別の書き方（問合せ／問い合わせ、サーバ／サーバー）を 1 語として数えるグループを編集します"),
             self.open_synonyms),
            None,
            ("action_merge_copy", "merge_copy", self.tr("別のコピーを統合…"), None,
             self.tr("別の人がコーディングしたこのプロジェクトのコピーから、こちらにないコード付け・メモなどを加えます"),
             self.open_merge),
            ("action_backups", "backup", self.tr("バックアップ…"), "Ctrl+Shift+B",
             self.tr("バックアップの一覧: 今すぐバックアップ、以前の状態に戻す"), self.open_backups),
            None,
            ("action_export_table", "table_export", self.tr("表を書き出す（CSV / Excel）…"), "Ctrl+Shift+E",
             self.tr("いまの画面の表やグラフのもとの表を CSV（UTF-8、BOM 付き）か Excel に保存します"
                     "（表やグラフの右クリックからも）"), lambda: choose_and_export(self.window)),
        )
        for spec in specs:
            if spec is None:
                m.addSeparator()
                continue
            name, icon_name, text, key, tip, fn = spec
            a = QAction(icon(icon_name), text, w)
            a.setObjectName(name)
            if key:
                a.setShortcut(QKeySequence(key))
            a.setToolTip(f"{text.rstrip('…')} — {tip}" if key is None else
                         f"{text.rstrip('…')} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)}) — {tip}")
            a.setStatusTip(tip)
            a.triggered.connect(lambda _c=False, fn=fn: fn())
            m.addAction(a)

    # --- dialogs ----------------------------------------------------------------------------------
    def _show(self, dlg) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dlg
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.destroyed.connect(lambda _o=None, d=dlg: setattr(self, "dialog", None) if self.dialog is d else None)
        dlg.open()

    def open_synonyms(self) -> SynonymsDialog:
        dlg = SynonymsDialog(self.window, self.window.project_path)
        dlg.changed.connect(self.synonyms_changed)
        self._show(dlg)
        return dlg

    def open_merge(self) -> MergeDialog:
        dlg = MergeDialog(self.window, self.window.project_path)
        dlg.merged.connect(lambda _r: self.merged())
        self._show(dlg)
        return dlg

    def open_backups(self) -> BackupsDialog:
        dlg = BackupsDialog(self.window, self.window.project_path)
        dlg.restore_requested.connect(lambda p: QTimer.singleShot(0, lambda: restore_in_window(self.window, p)))
        self._show(dlg)
        return dlg

    # --- after changes ------------------------------------------------------------------------------
    def synonyms_changed(self) -> None:
        """表記ゆれ changed: topic words, word clouds and the other views reload; the word views
        and a rule preview shown in コード分析 are drawn again with the same settings."""
        w = self.window
        w.refresh()
        self.redraw_words()
        w.autobackup.edited()

    def merged(self) -> None:
        w = self.window
        w.refresh()
        w.coding.reload()
        w.statusBar().showMessage(self.tr("別のコピーを統合しました（Ctrl+Z でコード付けの統合を元に戻せます）"), 10000)

    def redraw_words(self) -> None:
        from voc_app.gui.coding_widgets import coding_ops

        a = self.window.analysis
        ops = coding_ops()
        tab = a.word_tabs.currentIndex()

        def run(fn, show, **kw) -> None:
            job = Job("words", self.window.project_path, fn, **kw)
            job.when("done", lambda r: (show(r), a.word_tabs.setCurrentIndex(tab)))
            self.jobs = [j for j in self.jobs if not j.finished] + [job]
            job.start()

        if self.words is not None and a.freq.rowCount():
            run(ops.word_view, a._show_freq, view="freq", pos=self.words["pos"], by=self.words["by"])
        if self.kwic:
            run(ops.word_view, a._show_kwic, view="kwic", word=self.kwic)
        if self.network is not None and a.network.net is not None:
            run(ops.word_view, a._show_network, view="network", **self.network)
        rule = a.rule.text().strip()
        if rule and a.rule_result.text():
            run(ops.rule_preview, a._show_preview, rule=rule)

    # --- what the word views were drawn with --------------------------------------------------------
    def track_words(self) -> None:
        a = self.window.analysis

        def freq() -> None:
            self.words = {"pos": a.pos.currentData(), "by": a._freq_by}

        def kwic() -> None:
            self.kwic = a.kwic_word.text().strip() or None

        def network() -> None:
            self.network = {"pos": a.pos.currentData(), "min_freq": a.min_freq.value(),
                            "edges": max(60, 4 * a.top_nodes.value()), "codes": a.net_codes.isChecked()}

        a.findChild(QPushButton, "words_freq").clicked.connect(freq)
        a.kwic_word.returnPressed.connect(kwic)
        a.freq.cellDoubleClicked.connect(lambda _r, _c: kwic())
        a.findChild(QPushButton, "words_network").clicked.connect(network)

    def word_backend(self, kind: str):
        """(kind, params) of the CLI's table behind a word view; None before it was drawn."""
        a = self.window.analysis
        if kind == "words":
            if self.words is None or not a.freq.rowCount():
                return None
            return "words", {"by": self.words["by"], "pos": self.words["pos"], "top": 300}
        if kind == "kwic":
            return None if not self.kwic else ("kwic", {"word": self.kwic, "limit": 500})
        if self.network is None or a.network.net is None:
            return None
        return "network", dict(self.network)

    # --- the tables and charts of the views -------------------------------------------------------
    def attach_views(self) -> None:
        w = self.window
        t = w.topics
        for side in ("delight", "pain"):
            table = t.tables[side]
            attach(table, lambda s=side: self.tr("喜びのトピック") if s == "delight" else self.tr("不満のトピック"),
                   rows=lambda s=side: self.topic_rows(s))
            table.selectionModel().currentRowChanged.connect(
                lambda cur, _p, s=side: setattr(self, "topic", (s, cur.row())) if cur.isValid() else None)
        attach(t.bars, lambda: self.tr("トピックの件数"), rows=self.topic_bars)
        attach(t.map, lambda: self.tr("トピック間マップ"), rows=self.topic_bars)
        attach(t.trend, lambda: self.tr("トピックの月別推移"), rows=self.topic_trend)
        for kind, title in (("ambassador", self.tr("アンバサダー候補")), ("churn", self.tr("解約リスク")),
                            ("all", self.tr("すべての顧客"))):
            attach(w.customers.tables[kind], lambda title=title: title)
        attach(w.imports.table, lambda: self.tr("取り込み"))
        a = w.analysis
        attach(a.agree_table, lambda: self.tr("コーダー間の一致率"))
        attach(a.disagree, lambda: self.tr("コーダー間の不一致"))
        attach(a.ct, lambda: self.tr("コードのクロス集計"), rows=lambda: model_rows(a.ct, self.tr("コード")))
        attach(a.freq, lambda: self.tr("語の頻度"), backend=lambda: self.word_backend("words"))
        attach(a.kwic, lambda: self.tr("KWIC"), backend=lambda: self.word_backend("kwic"))
        attach(a.network, lambda: self.tr("共起ネットワーク"), backend=lambda: self.word_backend("network"))
        c = w.coding
        attach(c.tree, lambda: self.tr("コードブック"), rows=self.codebook_rows)
        attach(c.table, lambda: self.tr("この発言のコード付け"))
        attach(c.list, lambda: self.tr("発言 × コードの表"),
               backend=lambda: ("matrix", {}))  # the coded matrix: every answer, a 0/1 column per code
        self.track_words()

    def codebook_rows(self):
        """The codebook as the tree lists it: each code's path, its answers (with its sub-codes'),
        colour, rule and description."""
        book = self.window.coding.book
        names = {c["id"]: c for c in book}

        def path(c) -> str:
            parts = [c["name"]]
            while c.get("parent_id") in names:
                c = names[c["parent_id"]]
                parts.append(c["name"])
            return "/".join(reversed(parts))

        return ([self.tr("コード"), self.tr("発言"), self.tr("色"), self.tr("ルール"), self.tr("説明")],
                [[path(c), c.get("total", c.get("count", 0)), c.get("color", ""), c.get("rule", ""),
                  c.get("description", "")] for c in book])

    def topic_rows(self, side: str):
        """A map's topics as the table shows them, with their words."""
        table = self.window.topics.tables[side]
        model = table.model()
        header, rows = model_rows(table)
        header.append(self.tr("語"))
        for r, row in enumerate(rows):
            row.append(model.keywords(r))
        return header, rows

    def _topic(self):
        t = self.window.topics
        if self.topic is None:
            return None, None
        side, row = self.topic
        info = t.data.get(side) or {}
        topics = info.get("topics") or []
        return info, (topics[row] if 0 <= row < len(topics) else None)

    def topic_bars(self):
        info, current = self._topic()
        topics = (info or {}).get("topics") or []
        return ([self.tr("ID"), self.tr("トピック"), self.tr("件数"), self.tr("割合 %")],
                [[x["id"], x["label"], x["size"], round(x["share"] * 100, 1)] for x in topics])

    def topic_trend(self):
        info, current = self._topic()
        if current is None:
            return [self.tr("月"), self.tr("件数")], []
        months = sorted({m for d in info["trend"].values() for m in d if m})
        counts = info["trend"].get(current["id"], {})
        return [self.tr("月"), current["label"]], [[m, counts.get(m, 0)] for m in months]


def install(window) -> TeamTools:
    """Add the team tools to a main window (once)."""
    team = TeamTools(window)
    window.team = team
    window.autobackup = AutoBackup(window.project_path, window)
    if hasattr(window.coding, "edited"):
        window.coding.edited.connect(window.autobackup.edited)
    team.menu()
    team.attach_views()
    window.installEventFilter(team)
    return team


def after_job(window, fn) -> None:
    """A job of the window ended: after an edit a backup may be due."""
    if is_edit(fn) and hasattr(window, "autobackup"):
        window.autobackup.edited()


def dialog_screenshots(win, out: Path, app: QApplication, grab) -> None:
    """The synonym editor, a merge dry run (the window's project against a copy of itself with a
    conflicting coding and a memo added) and the backups list."""
    import shutil
    import tempfile
    import time

    from voc_app.backup import backup
    from voc_app.project import open_project

    def wait(ready, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not ready() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        for _ in range(5):
            app.processEvents()

    team = win.team
    small = win.width() < 1200  # the dialogs as they open on a small screen

    def fit(dlg) -> None:
        if small:
            dlg.resize(min(dlg.width(), win.width() - 120), min(dlg.height(), win.height() - 120))

    dlg = team.open_synonyms()
    fit(dlg)
    wait(dlg.idle)
    own = next((r for r, g in enumerate(dlg.groups) if g.source == "project"), 0 if dlg.groups else None)
    if own is not None:
        dlg.list.selectRow(own)
    wait(dlg.idle)
    grab(dlg, "12_synonyms.png")
    dlg.close()
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "copy.voc"
        with open_project(win.project_path) as p:  # a consistent copy of the project as it is now
            shutil.copyfile(backup(p, "manual"), other)
        _theirs(other)
        dlg = team.open_merge()
        fit(dlg)
        dlg.path.setText(str(other))
        dlg.dry_run()
        wait(dlg.idle)
        grab(dlg, "13_merge_dry_run.png")
        dlg.close()
    dlg = team.open_backups()
    fit(dlg)
    wait(dlg.idle)
    if dlg.table.rowCount():
        dlg.table.selectRow(0)
    grab(dlg, "14_backups.png")
    dlg.close()


def _theirs(path: Path) -> None:
    """Another coder's work in a copy: codings and a memo of theirs, and an auto-code accepted
    there that is still to be reviewed here (a conflict)."""
    from voc_app import coding as C
    from voc_app.project import open_project

    coder = QCoreApplication.translate("TeamTools", "佐藤")  # another coder (a name, as the sample's)
    with open_project(path) as p:
        codes = [c["id"] for c in C.codebook(p) if not c["has_children"]][:3]
        ids = sorted(C.verbatim_texts(p, list(range(1, 80))))[:8]
        for i, vid in enumerate(ids if codes else []):
            C.tag(p, vid, codes[i % len(codes)], coder)
        if ids:
            C.set_memo(p, "verbatim", ids[0], QCoreApplication.translate("TeamTools", "配送の遅れの話として読んだ"), coder=coder)
        pending = next((x for c in codes if (x := C.pending_auto_codings(p, c))), [])
        if pending:
            C.review_auto(p, pending[:2], True)
