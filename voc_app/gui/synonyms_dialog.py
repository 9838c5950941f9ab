"""The 表記ゆれ editor: the project's groups (a canonical form and the spellings counted as it) and
the shipped ones in effect, edited in place; the shipped list switched on or off; groups
exchanged as a ``word,canonical`` CSV.

Every change is one ``voc_app.synonyms`` operation in a background job (``set_group``,
``set_synonym``, ``remove_group``, ``remove_words``, ``set_defaults``, ``import_synonyms``;
``voc_app.coding.export_synonyms`` writes the CSV). A shipped group cannot be deleted: editing it
makes it the project's own, and 「このプロジェクトでは使わない」 maps its spellings to themselves.
After a change ``changed`` is emitted: the main window redraws its word views.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from voc_app.gui.icons import icon
from voc_app.gui.jobs import Job
from voc_app.gui.labels import label_of


def op_table(project, progress):
    from voc_app.synonyms import synonym_table

    return synonym_table(project)


def op_export(project, progress, out: str, include_defaults: bool):
    from voc_app.coding import export_synonyms

    return export_synonyms(project, progress, out=out, include_defaults=include_defaults)


def op_import(project, progress, path: str, replace: bool):
    from voc_app.synonyms import import_synonyms

    return import_synonyms(project, path, progress, replace=replace)


def synonym_ops():
    """``voc_app.synonyms``, imported when first used."""
    from voc_app import synonyms

    return synonyms


class SynonymsDialog(QDialog):
    """Groups on the left (filter by a word), the selected group on the right."""

    changed = Signal()  # the groups in effect changed: word views are redrawn

    def __init__(self, parent, project_path: Path) -> None:
        super().__init__(parent)
        self.setObjectName("synonyms_dialog")
        self.setWindowTitle(self.tr("表記ゆれ — 同じ語の別の書き方をまとめる"))
        self.project_path = Path(project_path)
        self.table_data = None  # voc_app.synonyms.SynonymTable
        self.groups: list = []  # shown rows (SynonymGroup)
        self.current = None  # the selected SynonymGroup (None: a new group)
        self.jobs: list[Job] = []
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("まとめた語は、語の頻度・KWIC・共起ネットワーク・ワードクラウド・トピックの語・コーディングルールで"
                               "代表形の 1 語として数えます。発言の本文は変わりません。"))
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #555555;")
        lay.addWidget(intro)
        top = QHBoxLayout()
        self.defaults = QCheckBox(self.tr("同梱の表記ゆれを使う（送り仮名・長音・かな漢字）"))
        self.defaults.setObjectName("synonyms_defaults")
        self.defaults.setToolTip(self.tr("申込み／申し込み、サーバ／サーバー、綺麗／きれい など、同じ語の書き方の違いだけをまとめた一覧です。"
                                         "意味の近い別の語（料金／価格）はまとめません"))
        self.defaults.clicked.connect(self._toggle_defaults)
        top.addWidget(self.defaults)
        top.addStretch(1)
        self.filter = QLineEdit()
        self.filter.setObjectName("synonyms_filter")
        self.filter.setPlaceholderText(self.tr("語で絞り込む"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(220)
        self.filter.textChanged.connect(lambda _t: self._fill())
        top.addWidget(self.filter)
        lay.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.count = QLabel()
        self.count.setObjectName("synonyms_count")
        self.count.setStyleSheet("color: #555555;")
        ll.addWidget(self.count)
        self.list = QTableWidget(0, 3)
        self.list.setObjectName("synonym_groups")
        self.list.setHorizontalHeaderLabels([self.tr("代表形"), self.tr("まとめる書き方"), self.tr("出どころ")])
        self.list.verticalHeader().setVisible(False)
        self.list.verticalHeader().setDefaultSectionSize(24)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        head = self.list.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemSelectionChanged.connect(self._selected)
        ll.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("新しいグループ"))
        self.new_button.setObjectName("synonyms_new")
        self.new_button.clicked.connect(self.new_group)
        row.addWidget(self.new_button)
        self.remove_button = QPushButton(self.tr("グループを削除"))
        self.remove_button.setObjectName("synonyms_remove_group")
        self.remove_button.clicked.connect(self.remove_group)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        ll.addLayout(row)
        split.addWidget(left)

        self.editor = QGroupBox(self.tr("グループ"))
        el = QVBoxLayout(self.editor)
        form = QFormLayout()
        self.canonical = QLineEdit()
        self.canonical.setObjectName("synonyms_canonical")
        self.canonical.setPlaceholderText(self.tr("例: 問い合わせ"))
        self.canonical.setStyleSheet("QLineEdit[readOnly=\"true\"] { background: #F2F2F2; color: #333333; }")
        form.addRow(self.tr("代表形（表示する形）"), self.canonical)
        self.source = QLabel()
        self.source.setObjectName("synonyms_source")
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: #555555;")
        form.addRow(self.tr("出どころ"), self.source)
        el.addLayout(form)
        el.addWidget(QLabel(self.tr("代表形として数える書き方")))
        self.words = QListWidget()
        self.words.setObjectName("synonyms_words")
        self.words.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.words.itemSelectionChanged.connect(self._enable)
        el.addWidget(self.words, 1)
        add = QHBoxLayout()
        self.word = QLineEdit()
        self.word.setObjectName("synonyms_word")
        self.word.setPlaceholderText(self.tr("書き方を追加（例: 問合せ）— Enter"))
        self.word.returnPressed.connect(self.add_word)
        self.word.textChanged.connect(lambda _t: self._enable())
        add.addWidget(self.word, 1)
        self.add_button = QPushButton(self.tr("追加"))
        self.add_button.setObjectName("synonyms_add")
        self.add_button.clicked.connect(self.add_word)
        add.addWidget(self.add_button)
        el.addLayout(add)
        self.remove_words_button = QPushButton(self.tr("選んだ書き方を外す"))
        self.remove_words_button.setObjectName("synonyms_remove_words")
        self.remove_words_button.clicked.connect(self.remove_words)
        el.addWidget(self.remove_words_button, 0, Qt.AlignmentFlag.AlignLeft)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)

        self.status = QLabel()
        self.status.setObjectName("synonyms_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.status)
        bottom = QHBoxLayout()
        b = QPushButton(icon("import"), self.tr("CSV を取り込む…"))
        b.setObjectName("synonyms_import")
        b.setToolTip(self.tr("word,canonical の 2 列の CSV（UTF-8、BOM 付きでも可）を取り込みます。"
                             "読めない行があれば、行と列を示して何も書き込みません"))
        b.clicked.connect(self.choose_import)
        bottom.addWidget(b)
        b = QPushButton(icon("table_export"), self.tr("CSV に書き出す…"))
        b.setObjectName("synonyms_export")
        b.setToolTip(self.tr("このプロジェクトのグループを word,canonical の CSV（UTF-8、BOM 付き）に書き出します"))
        b.clicked.connect(self.choose_export)
        bottom.addWidget(b)
        self.with_defaults = QCheckBox(self.tr("同梱の分も含める"))
        self.with_defaults.setObjectName("synonyms_export_defaults")
        bottom.addWidget(self.with_defaults)
        bottom.addStretch(1)
        close = QPushButton(self.tr("閉じる"))
        close.setObjectName("synonyms_close")
        close.clicked.connect(self.accept)
        bottom.addWidget(close)
        lay.addLayout(bottom)
        self.resize(860, 560)
        self._busy = False
        self._enable()
        self.reload()

    # --- jobs -------------------------------------------------------------------------------------
    def idle(self) -> bool:
        return all(j.finished for j in self.jobs)

    def _run(self, fn, done=None, *, changes: bool = True, **kwargs) -> Job:
        job = Job(self.tr("表記ゆれ"), self.project_path, fn, **kwargs)
        self._busy = True
        self._enable()

        def ok(result) -> None:
            self._busy = False
            if done is not None:
                done(result)
            if changes:
                self.reload()
                self.changed.emit()
            else:
                self._enable()

        def failed(message: str) -> None:
            self._busy = False
            self._say(message, error=True)
            self._enable()
            if self.isVisible():
                QMessageBox.warning(self, self.tr("表記ゆれ"), message)

        job.when("done", ok).when("failed", failed).when("cancelled", lambda: setattr(self, "_busy", False))
        self.jobs = [j for j in self.jobs if not j.finished] + [job]
        return job.start()

    def reload(self) -> None:
        self._run(op_table, self._show, changes=False)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #C00000;" if error else "color: #555555;")
        self.status.setText(text)

    # --- showing ----------------------------------------------------------------------------------
    def _show(self, table) -> None:
        self.table_data = table
        self.defaults.setChecked(table.defaults_on)
        own = sum(1 for g in table.groups if g.source == "project")
        shipped = len(table.groups) - own
        self.count.setText(self.tr("このプロジェクトのグループ {0}・同梱のグループ {1}{2}").format(
            own, shipped, "" if table.defaults_on else self.tr("（同梱は使わない設定）")))
        self._fill()

    def _fill(self) -> None:
        if self.table_data is None:
            return
        keep = self.current.canonical if self.current is not None else self.canonical.text().strip()
        needle = self.filter.text().strip()
        groups = [g for g in self.table_data.groups
                  if not needle or needle in g.canonical or any(needle in w for w in g.words)]
        self.groups = groups
        self.list.blockSignals(True)
        self.list.setRowCount(len(groups))
        selected = -1
        for r, g in enumerate(groups):
            items = [QTableWidgetItem(g.canonical), QTableWidgetItem("、".join(g.words)),
                     QTableWidgetItem(label_of("synonym_source", g.source))]
            if g.source == "default":
                for it in items:
                    it.setForeground(Qt.GlobalColor.darkGray)
            items[1].setToolTip("\n".join(g.words))
            for c, it in enumerate(items):
                self.list.setItem(r, c, it)
            if g.canonical == keep:
                selected = r
        self.list.clearSelection()
        if selected >= 0:
            self.list.selectRow(selected)
        self.list.blockSignals(False)
        self._selected()

    def _selected(self) -> None:
        rows = self.list.selectionModel().selectedRows()
        if rows and 0 <= rows[0].row() < len(self.groups):
            self._show_group(self.groups[rows[0].row()])
        elif self.current is not None and self.current not in self.groups:
            self.current = None
            self._show_group(None)
        self._enable()

    def _show_group(self, g) -> None:
        self.current = g
        self.words.clear()
        if g is None:
            self._read_only(False)
            self.source.setText(self.tr("新しいグループ: 代表形を書き、まとめる書き方を追加してください"))
            return
        self.canonical.setText(g.canonical)
        self._read_only(True)
        self.words.addItems(g.words)
        self.source.setText(self.tr("このプロジェクトのグループ") if g.source == "project" else
                            self.tr("同梱のグループ（変えるとこのプロジェクトのグループになります）"))
        self.remove_button.setText(self.tr("グループを削除") if g.source == "project" else
                                   self.tr("このプロジェクトでは使わない"))

    def _read_only(self, on: bool) -> None:
        """The canonical form of a listed group is shown, not edited (a new group's is typed)."""
        self.canonical.setReadOnly(on)
        self.canonical.style().unpolish(self.canonical)
        self.canonical.style().polish(self.canonical)

    def _enable(self) -> None:
        free = not self._busy
        g = self.current
        self.add_button.setEnabled(free and bool(self.word.text().strip()) and bool(self.canonical.text().strip()))
        self.remove_words_button.setEnabled(free and g is not None and bool(self.words.selectedItems()))
        self.remove_button.setEnabled(free and g is not None)
        self.defaults.setEnabled(free)
        if g is None:
            self.remove_button.setText(self.tr("グループを削除"))

    # --- edits -----------------------------------------------------------------------------------
    def new_group(self) -> None:
        self.list.clearSelection()
        self.canonical.clear()
        self._show_group(None)
        self.canonical.setFocus()
        self._enable()

    def add_word(self) -> None:
        word, canonical = self.word.text().strip(), self.canonical.text().strip()
        if not word or not canonical:
            return
        g = self.current
        if g is not None and g.source == "project":
            self._run(synonym_ops().set_synonym, word=word, canonical=canonical,
                      done=lambda _r: self._added(word, canonical))
        else:  # a new group, or a shipped one that becomes the project's own
            words = [*(g.words if g is not None else []), word]
            self._run(synonym_ops().set_group, canonical=canonical, words=words,
                      done=lambda _r: self._added(word, canonical))

    def _added(self, word: str, canonical: str) -> None:
        self.word.clear()
        self.current = None
        self.canonical.setText(canonical)  # selected again after the reload
        self._say(self.tr("「{0}」を「{1}」として数えます").format(word, canonical))

    def remove_words(self) -> None:
        g = self.current
        words = [it.text() for it in self.words.selectedItems()]
        if g is None or not words:
            return
        said = self.tr("外しました: {0}").format("、".join(words))
        if g.source == "project":
            self._run(synonym_ops().remove_words, words=words, done=lambda _n: self._say(said))
        else:  # out of the shipped group for this project (each maps to itself); the others stay grouped
            self._run(op_keep_apart, words=words, done=lambda _n: self._say(said))

    def remove_group(self) -> None:
        g = self.current
        if g is None:
            return
        def removed(said: str) -> None:
            self.canonical.clear()
            self._show_group(None)
            self._say(said)

        if g.source == "project":
            self._run(synonym_ops().remove_group, canonical=g.canonical,
                      done=lambda _n: removed(self.tr("グループ「{0}」を削除しました").format(g.canonical)))
        else:
            self._run(op_keep_apart, words=list(g.words),
                      done=lambda _n: removed(self.tr("同梱のグループ「{0}」をこのプロジェクトでは使いません").format(g.canonical)))

    def _toggle_defaults(self, on: bool) -> None:
        self._run(synonym_ops().set_defaults, on=on,
                  done=lambda _r: self._say(self.tr("同梱の表記ゆれを使います") if on else self.tr("同梱の表記ゆれを使いません")))

    # --- CSV --------------------------------------------------------------------------------------
    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("表記ゆれの CSV を取り込む"), str(self.project_path.parent),
                                              self.tr("CSV (*.csv);;すべて (*)"))
        if not name:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("表記ゆれの CSV を取り込む"),
                          self.tr("{0} の組をこのプロジェクトのグループに加えますか、それともいまのグループと置き換えますか？").format(
                              Path(name).name), QMessageBox.StandardButton.Cancel, self)
        add = box.addButton(self.tr("加える"), QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton(self.tr("置き換える"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(add)
        box.exec()
        if box.clickedButton() not in (add, replace):
            return
        self.import_csv(name, replace=box.clickedButton() is replace)

    def import_csv(self, path: str | Path, replace: bool = False) -> Job:
        return self._run(op_import, path=str(path), replace=replace, done=self._imported)

    def _imported(self, r) -> None:
        self._say(self.tr("取り込みました: {0} 組（新しい書き方 {1}、代表形が変わった {2}、同じ {3}）").format(
            r.rows, r.added, r.changed, r.unchanged))

    def choose_export(self) -> None:
        start = self.project_path.with_name(self.project_path.stem + self.tr("_表記ゆれ.csv"))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("表記ゆれを CSV に書き出す"), str(start), "CSV (*.csv)")
        if name:
            if not name.lower().endswith(".csv"):
                name += ".csv"
            self.export_csv(name)

    def export_csv(self, path: str | Path) -> Job:
        return self._run(op_export, changes=False, out=str(path), include_defaults=self.with_defaults.isChecked(),
                         done=lambda n: self._say(self.tr("{0} 行を書き出しました: {1}").format(n, path)))


def op_keep_apart(project, progress, words: list[str]) -> int:
    """Take spellings out of a shipped group for this project: each maps to itself."""
    from voc_app.synonyms import set_synonym

    for w in words:
        set_synonym(project, word=w, canonical=w)
    return len(words)
