"""The コーディング view: codebook, verbatims, span coding with the keyboard, memos, per coder
and blind.

Every edit is a ``voc_app.coding`` call in a background job; edits run one after another in the
order they were made (``EditQueue``), and each returns the state the view shows next
(``voc_app.coding.coding_state``).
"""

from __future__ import annotations

import getpass
import html
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from voc_app.gui.coding_widgets import buttons, coding_ops, swatch
from voc_app.gui.jobs import Job
from voc_app.gui.labels import label_of
from voc_app.gui.models import POLARITY_LABELS, VerbatimModel

# --- an ordered queue of edits -----------------------------------------------------------------

class EditQueue(QObject):
    """Runs coding jobs one at a time in submission order (a fast typist's keys never overtake
    each other), and hands each result to its callback on the UI thread."""

    idle_changed = Signal(bool)

    def __init__(self, project_path: Path, on_failed) -> None:
        super().__init__()
        self.project_path = project_path
        self.pending: list[tuple] = []
        self.current: Job | None = None
        self.on_failed = on_failed

    def submit(self, fn, done, **kwargs) -> None:
        self.pending.append((fn, done, kwargs))
        self._next()

    def idle(self) -> bool:
        return self.current is None and not self.pending

    def _next(self) -> None:
        if self.current is not None or not self.pending:
            if self.current is None:
                self.idle_changed.emit(True)
            return
        fn, done, kwargs = self.pending.pop(0)
        job = Job("coding", self.project_path, fn, **kwargs)
        self.current = job

        def finished(*_args) -> None:
            self.current = None
            self._next()

        job.when("done", lambda result: (done(result), finished()))
        job.when("failed", lambda msg: (self.on_failed(msg), finished()))
        job.when("cancelled", finished)
        job.start()


def _text_box(layout, placeholder: str, height: int, save: str, slot, name: str) -> QPlainTextEdit:
    """A small text box with its save button under it."""
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setMaximumHeight(height)
    layout.addWidget(box)
    b = QPushButton(save)
    b.clicked.connect(slot)
    layout.addWidget(b)
    return box


def _py_offset(text: str, utf16: int) -> int:
    """A QTextDocument position (UTF-16 units) as a Python string index."""
    return len(text.encode("utf-16-le")[:utf16 * 2].decode("utf-16-le", errors="ignore"))


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


class CodingText(QTextEdit):
    """The verbatim being coded: read-only, selectable with the mouse and Shift+arrows. Keys:
    1–9 apply the numbered code (to the selection, or the whole answer), 0 / Space mark "no code"
    and go on, N / P next / previous uncoded, Ctrl+K the code palette."""

    code_key = Signal(int)
    nav_key = Signal(str)
    palette_key = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                     | Qt.TextInteractionFlag.TextSelectableByMouse)
        f = self.font()
        f.setPointSize(f.pointSize() + 3)
        self.setFont(f)

    def keyPressEvent(self, e) -> None:  # noqa: N802 - Qt API
        key, mods = e.key(), e.modifiers()
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                             | Qt.KeyboardModifier.MetaModifier))
        if plain and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.code_key.emit(key - Qt.Key.Key_0)
        elif plain and key in (Qt.Key.Key_0, Qt.Key.Key_Space):
            self.nav_key.emit("none")
        elif plain and key in (Qt.Key.Key_N, Qt.Key.Key_J):
            self.nav_key.emit("next")
        elif plain and key in (Qt.Key.Key_P, Qt.Key.Key_K):
            self.nav_key.emit("prev")
        elif key == Qt.Key.Key_K and mods & Qt.KeyboardModifier.ControlModifier:
            self.palette_key.emit()
        else:
            super().keyPressEvent(e)


class CodePalette(QDialog):
    """Quick search over the codebook: type part of a name, Enter applies the first match."""

    def __init__(self, parent, book: list[dict]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("コードを選ぶ"))
        self.book = book
        lay = QVBoxLayout(self)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("コード名の一部（↑↓で選んで Enter）"))
        self.list = QListWidget()
        lay.addWidget(self.edit)
        lay.addWidget(self.list)
        self.edit.textChanged.connect(self._filter)
        self.edit.returnPressed.connect(self.accept)
        self.list.itemActivated.connect(lambda _i: self.accept())
        self._filter("")
        self.resize(360, 320)

    def _filter(self, text: str) -> None:
        self.list.clear()
        t = text.strip().lower()
        for c in self.book:
            if not t or t in c["name"].lower() or t == str(c["id"]):
                it = QListWidgetItem(swatch(c["color"]), "　" * c["depth"] + c["name"])
                it.setData(Qt.ItemDataRole.UserRole, c["id"])
                self.list.addItem(it)
        self.list.setCurrentRow(0)

    def keyPressEvent(self, e) -> None:  # noqa: N802
        if e.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.list.keyPressEvent(e)
        else:
            super().keyPressEvent(e)

    def chosen(self) -> int | None:
        it = self.list.currentItem()
        return it.data(Qt.ItemDataRole.UserRole) if it else None


class CodingView(QWidget):
    """Codebook on the left, verbatims in the middle, the answer being coded and its codings on
    the right. Everything is keyboard-first (see ``CodingText``)."""

    message = Signal(str)
    edited = Signal()  # an edit was saved (the main window may take a backup)

    def __init__(self, project_path: Path, settings) -> None:
        super().__init__()
        self.project_path = Path(project_path)
        self.settings = settings
        self.queue = EditQueue(self.project_path, self._failed)
        self.book: list[dict] = []
        self.vid: int | None = None
        self.text = ""
        self.codings: list[dict] = []
        self.loaded = False

        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("コーダー:")))
        self.coder = QComboBox()
        self.coder.setObjectName("coder")
        self.coder.setEditable(True)
        self.coder.setMinimumWidth(140)
        self.coder.setEditText(str(settings.value("coder") or getpass.getuser() or "coder"))
        self.coder.lineEdit().editingFinished.connect(self._coder_changed)
        self.coder.activated.connect(lambda _i: self._coder_changed())
        bar.addWidget(self.coder)
        self.blind = QCheckBox(self.tr("他のコーダーのコードを隠す（ブラインド）"))
        self.blind.setObjectName("blind")
        self.blind.toggled.connect(lambda _on: self.reload())
        bar.addWidget(self.blind)
        bar.addSpacing(16)
        self.show_filter = QComboBox()
        self.show_filter.setObjectName("show_filter")
        for label, key in ((self.tr("すべての発言"), "all"), (self.tr("自分が未コードの発言"), "uncoded"),
                           (self.tr("未確認の自動コードがある発言"), "pending"), (self.tr("選んだコードの発言"), "code")):
            self.show_filter.addItem(label, key)
        self.show_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        bar.addWidget(self.show_filter)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("発言を検索（Enter）"))
        self.search.returnPressed.connect(self.apply_filter)
        bar.addWidget(self.search, 1)
        self.count = QLabel()
        bar.addWidget(self.count)
        lay.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget()
        self.tree.setObjectName("codebook")
        self.tree.setHeaderLabels([self.tr("コード（数字キー）"), self.tr("発言")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemDoubleClicked.connect(lambda it, _c: self._apply_code(it.data(0, Qt.ItemDataRole.UserRole)))
        self.tree.currentItemChanged.connect(self._code_selected)
        ll.addWidget(self.tree, 3)
        ll.addLayout(buttons(((self.tr("追加"), self.add_code, "code_add"), (self.tr("下位に追加"), self.add_child, "code_child"),
                               (self.tr("名前"), self.rename_code, "code_rename"), (self.tr("統合"), self.merge_code, "code_merge"),
                               (self.tr("移動"), self.move_dialog, "code_move"), (self.tr("メモ"), self.code_memo_dialog, "code_memo"),
                               (self.tr("削除"), self.delete_code, "code_delete")), columns=3))
        self.code_info = QLabel()
        self.code_info.setWordWrap(True)
        self.code_info.setStyleSheet("color:#555")
        ll.addWidget(self.code_info)
        self.code_memo = _text_box(ll, self.tr("コードの説明（定義・含める／含めない例）"), 90,
                                   self.tr("説明を保存"), self.save_code_description, "code_description")
        split.addWidget(left)

        self.model = VerbatimModel(self.project_path)
        self.model.completed.connect(lambda n: self.count.setText(
            self.tr("{0:,} 件").format(n) + (f"（{self._label}）" if getattr(self, "_label", "") else "")))
        from voc_app.gui.views import _fit_column, _table

        self.list = _table(self.model, 7)  # the text takes the width left by the polarity
        self.list.setObjectName("coding_list")
        for c in (0, 1, 2, 3, 5, 6):
            self.list.setColumnHidden(c, True)
        _fit_column(self.list, 4, [*POLARITY_LABELS.values(), self.model.headerData(4, Qt.Orientation.Horizontal)], 40)
        self.list.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Fixed)
        self.list.setWordWrap(False)
        self.list.selectionModel().currentRowChanged.connect(lambda cur, _p: self.open(self.model.verbatim_id(cur.row())))
        split.addWidget(self.list)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.meta = QLabel()
        self.meta.setStyleSheet("color:#555")
        rl.addWidget(self.meta)
        self.textview = CodingText()
        self.textview.setObjectName("coding_text")
        self.textview.code_key.connect(self._number)
        self.textview.nav_key.connect(self._nav)
        self.textview.palette_key.connect(self.palette)
        rl.addWidget(self.textview, 3)
        self.help = QLabel(self.tr("範囲を選んで 1〜9（選ばなければ発言全体）・Ctrl+K: コードを検索・0/Space: 該当なしで次へ・"
                                   "N/P: 次/前の未コード・Ctrl+Z / Ctrl+Shift+Z: 元に戻す／やり直し"))
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color:#777; font-size:11px")
        rl.addWidget(self.help)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("codings")
        self.table.setHorizontalHeaderLabels([self.tr("コード"), self.tr("コーダー"), self.tr("箇所"), self.tr("由来"), self.tr("状態")])
        for col in (0, 1, 3, 4):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        rl.addWidget(self.table, 2)
        rl.addLayout(buttons(((self.tr("外す (Del)"), self.remove_selected, "untag"),
                               (self.tr("承認"), lambda: self.review(True), "accept"),
                               (self.tr("却下"), lambda: self.review(False), "reject"))))
        self.memo = _text_box(rl, self.tr("この発言のメモ"), 80, self.tr("メモを保存"), self.save_memo, "verbatim_memo")
        split.addWidget(right)
        # codebook : verbatims : the answer being coded — the list keeps room for its text at 1024 px
        for i, stretch in enumerate(self.SHARES):
            split.setStretchFactor(i, stretch)
        left.setMinimumWidth(200)
        self.list.setMinimumWidth(260)
        self.split = split
        self._sized = False
        lay.addWidget(split, 1)
        from PySide6.QtGui import QShortcut

        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)

    SHARES = (27, 34, 39)  # codebook, verbatims, the answer being coded: per cent of the width

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._sized:  # the first time the view has its real width
            self._sized = True
            total = self.split.width()
            self.split.setSizes([total * s // 100 for s in self.SHARES])

    def _failed(self, msg: str) -> None:
        if self.isVisible():  # a job that ends after its window closed has no one to tell
            QMessageBox.warning(self, self.tr("コーディング"), msg)

    # --- state -------------------------------------------------------------------------------
    def coder_name(self) -> str:
        return self.coder.currentText().strip() or "coder"

    def _coder_changed(self) -> None:
        self.settings.setValue("coder", self.coder_name())
        if self.show_filter.currentData() == "uncoded":
            self.apply_filter()
        self.reload()

    def idle(self) -> bool:
        return self.queue.idle()

    def start(self) -> None:
        """First show: load the codebook and the list."""
        if not self.loaded:
            self.loaded = True
            self.apply_filter()
            self.reload()

    def reload(self) -> None:
        self.submit()

    def submit(self, action: str | None = None, move: str | None = None, **kwargs) -> None:
        done = self.show_state if action is None else (lambda s: (self.show_state(s), self.edited.emit()))
        self.queue.submit(coding_ops().coding_state, done, verbatim_id=self.vid, coder=self.coder_name(),
                          blind=self.blind.isChecked(), action=action, kwargs=kwargs, move=move)

    def show_state(self, s) -> None:
        """Show a ``voc_app.coding.CodingState``."""
        self.book = s.book
        current = self.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) if self.tree.currentItem() else None
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for n, c in enumerate(self.book):
            label = (f"{n + 1}  " if n < 9 else "    ") + c["name"] + ("  ⚙" if c["rule"] else "")
            total = c.get("total", c["count"])
            shown = self.tr("{0:,}（子を含む）").format(total) if c.get("has_children") else f"{c['count']:,}"
            it = QTreeWidgetItem([label, shown])
            it.setIcon(0, swatch(c["color"]))
            it.setData(0, Qt.ItemDataRole.UserRole, c["id"])
            it.setToolTip(0, c["description"] or c["name"])
            if c.get("has_children"):
                it.setToolTip(1, self.tr("このコード {0:,} 件、下位コードを含めると {1:,} 件（同じ発言は 1 回と数えます）").format(
                    c["count"], total))
            it.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            (items[c["parent_id"]].addChild(it) if c["parent_id"] in items else self.tree.addTopLevelItem(it))
            items[c["id"]] = it
            if c["id"] == current:
                self.tree.setCurrentItem(it)
        self.tree.expandAll()
        me = self.coder_name()
        have = {self.coder.itemText(i) for i in range(self.coder.count())}
        for n in s.coders:
            if n not in have and n != coding_ops().AUTO_CODER:
                self.coder.addItem(n)
        if self.coder.currentText() != me:
            self.coder.setEditText(me)
        if s.moved and s.verbatim and s.verbatim.id != self.vid:
            self._select_in_list(s.verbatim.id)
        v = s.verbatim
        if v is None:
            self.vid, self.text, self.codings = None, "", []
            self.textview.clear()
            self.meta.setText(self.tr("左の一覧から発言を選んでください"))
        else:
            self.vid, self.text = v.id, v.text
            self.codings = s.codings
            self.meta.setText(f"#{v.id} ・ {html.escape(v.question or label_of('kind', v.kind))} ・ {(v.created_at or '')[:10]} ・ "
                              f"{POLARITY_LABELS.get(v.polarity or '', '')}")
            if self.textview.toPlainText() != self.text.replace("\r", " "):
                self.textview.setPlainText(self.text.replace("\r", " "))
            self._highlight()
            if not self.memo.hasFocus():
                self.memo.setPlainText(s.memo)
        self._fill_codings()
        undo, redo = s.undo
        self.message.emit(self.tr("元に戻す: {0}").format(undo) if undo else "")
        if isinstance(s.result, str) and s.result:
            self.message.emit(str(s.result))

    def _select_in_list(self, vid: int) -> None:
        try:
            r = self.model.ids.index(vid)
        except ValueError:
            return
        self.list.blockSignals(True)
        self.list.selectionModel().blockSignals(True)
        self.list.selectRow(r)
        self.list.selectionModel().blockSignals(False)
        self.list.blockSignals(False)

    def _highlight(self) -> None:
        sels = []
        for g in self.codings:
            if g["start"] is None or g["state"] == "rejected":
                continue
            sel = QTextEdit.ExtraSelection()
            cur = QTextCursor(self.textview.document())
            cur.setPosition(_utf16(self.text, g["start"]))
            cur.setPosition(_utf16(self.text, g["end"]), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            col = QColor(g["color"])
            col.setAlpha(90 if g["state"] == "accepted" else 45)
            fmt.setBackground(col)
            fmt.setToolTip(f"{g['code']}（{g['coder']}）")
            sel.cursor, sel.format = cur, fmt
            sels.append(sel)
        self.textview.setExtraSelections(sels)

    def _fill_codings(self) -> None:
        self.table.setRowCount(len(self.codings))
        for r, g in enumerate(self.codings):
            seg = self.tr("（発言全体）") if g["start"] is None else self.text[g["start"]:g["end"]]
            vals = [g["code"], g["coder"], seg, label_of("coding_source", g["source"]),
                    label_of("coding_state", g["state"])]
            for c, v in enumerate(vals):
                it = QTableWidgetItem(v)
                if c == 0:
                    it.setIcon(swatch(g["color"]))
                    it.setData(Qt.ItemDataRole.UserRole, g["id"])
                if g["state"] == "rejected":
                    it.setForeground(QBrush(QColor("#999999")))
                self.table.setItem(r, c, it)

    # --- list ---------------------------------------------------------------------------------
    def apply_filter(self) -> None:
        key = self.show_filter.currentData()
        f: dict = {}
        if key == "uncoded":
            f["uncoded_by"] = self.coder_name()
        elif key == "pending":
            f["pending"] = True
        elif key == "code":
            cid = self.current_code()
            if cid is None:
                self.message.emit(self.tr("左でコードを選んでください"))
                return
            f["code"] = cid
        self.set_filters(f)

    def set_filters(self, f: dict, label: str = "") -> None:
        n = self.model.query(self.search.text(), f)
        self._label = label
        if not self.model.complete:
            self.count.setText(self.tr("{0:,}+ 件").format(n) + (f"（{label}）" if label else ""))
        if n and self.vid not in self.model.ids:
            self.list.selectRow(0)

    def open(self, vid: int | None) -> None:
        if vid is not None and vid != self.vid:
            self.vid = vid
            self.reload()

    def open_ids(self, ids: list[int], label: str) -> None:
        """Show these verbatims (from an analysis cell or a disagreement)."""
        self.loaded = True
        self.set_filters({"ids": ids}, label)
        if ids:
            self.vid = None
            self.open(ids[0])
            self._select_in_list(ids[0])

    # --- coding actions ---------------------------------------------------------------------
    def current_code(self) -> int | None:
        it = self.tree.currentItem()
        return it.data(0, Qt.ItemDataRole.UserRole) if it else None

    def _code_selected(self, cur, _prev=None) -> None:
        cid = cur.data(0, Qt.ItemDataRole.UserRole) if cur else None
        c = next((c for c in self.book if c["id"] == cid), None)
        if c is None:
            self.code_info.clear()
            return
        ex = "".join(f"<br>・{html.escape(e)}" for e in c["examples"][:3])
        rule = self.tr("<br>ルール: <code>{0}</code>").format(html.escape(c["rule"])) if c["rule"] else ""
        count = (self.tr("<b>{0}</b>（{1:,} 件、下位コードを含めて {2:,} 件）").format(html.escape(c["name"]), c["count"], c["total"])
                 if c.get("has_children") else self.tr("<b>{0}</b>（{1:,} 件）").format(html.escape(c["name"]), c["count"]))
        self.code_info.setText(count + rule + ex)
        self.code_memo.setPlainText(c["description"])
        if self.show_filter.currentData() == "code":
            self.apply_filter()

    def selection(self) -> tuple[int | None, int | None]:
        cur = self.textview.textCursor()
        if not cur.hasSelection():
            return None, None
        s, e = _py_offset(self.text, cur.selectionStart()), _py_offset(self.text, cur.selectionEnd())
        # trim spaces at the edges of a selection
        while s < e and self.text[s].isspace():
            s += 1
        while e > s and self.text[e - 1].isspace():
            e -= 1
        return (s, e) if e > s else (None, None)

    def _number(self, n: int) -> None:
        if n <= len(self.book):
            self._apply_code(self.book[n - 1]["id"])

    def _apply_code(self, code_id: int | None) -> None:
        if code_id is None or self.vid is None:
            return
        s, e = self.selection()
        self.submit("tag", verbatim_id=self.vid, code_id=code_id, coder=self.coder_name(), start=s, end=e)
        cur = self.textview.textCursor()
        cur.clearSelection()
        self.textview.setTextCursor(cur)

    def _nav(self, what: str) -> None:
        if what == "none" and self.vid is not None:
            self.submit("mark_reviewed", move="next", verbatim_ids=[self.vid], coder=self.coder_name())
        else:
            self.submit(move=what)

    def palette(self) -> None:
        dlg = CodePalette(self, self.book)
        if dlg.exec() and dlg.chosen() is not None:
            self._apply_code(dlg.chosen())

    def selected_codings(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def remove_selected(self) -> None:
        ids = self.selected_codings()
        if ids:
            self.submit("untag", coding_ids=ids)

    def review(self, accept: bool) -> None:
        ids = self.selected_codings()
        if ids:
            self.submit("review_auto", coding_ids=ids, accept=accept)

    def undo(self) -> None:
        self.submit("undo")

    def redo(self) -> None:
        self.submit("redo")

    def save_memo(self) -> None:
        if self.vid is not None:
            self.submit("set_memo", target="verbatim", target_id=self.vid, text=self.memo.toPlainText())

    def save_code_description(self) -> None:
        cid = self.current_code()
        if cid is not None:
            self.submit("update_code", code_id=cid, description=self.code_memo.toPlainText())

    def add_code(self, _checked=False, parent: int | None = None) -> None:
        name, ok = QInputDialog.getText(self, self.tr("コードを追加"), self.tr("コード名:"))
        if ok and name.strip():
            self.submit("add_code", name=name.strip(), parent=parent)

    def add_child(self) -> None:
        if self.current_code() is not None:
            self.add_code(parent=self.current_code())

    def rename_code(self) -> None:
        cid = self.current_code()
        c = next((c for c in self.book if c["id"] == cid), None)
        if c:
            name, ok = QInputDialog.getText(self, self.tr("名前を変更"), self.tr("新しい名前:"), text=c["name"])
            if ok and name.strip() and name.strip() != c["name"]:
                self.submit("update_code", code_id=cid, name=name.strip())

    def merge_code(self) -> None:
        cid = self.current_code()
        others = [c for c in self.book if c["id"] != cid]
        if cid is None or not others:
            return
        labels = [c["name"] for c in others]
        name, ok = QInputDialog.getItem(self, self.tr("コードを統合"),
                                        self.tr("選んだコードをどのコードに統合しますか（コード付けを移して削除）"), labels, 0, False)
        if ok:
            keep = others[labels.index(name)]["id"]
            self.submit("merge_codes", keep=keep, others=[cid])

    def move_dialog(self) -> None:
        cid = self.current_code()
        if cid is None:
            return
        banned = coding_ops().subtree_of(self.book, cid)
        targets = [(self.tr("（最上位）"), None)] + [("　" * c["depth"] + c["name"], c["id"]) for c in self.book
                                                   if c["id"] not in banned]
        name, ok = QInputDialog.getItem(self, self.tr("コードを移動"), self.tr("移動先（親コード）:"),
                                        [t[0] for t in targets], 0, False)
        if ok:
            self.submit("update_code", code_id=cid, parent_id=dict(targets)[name])

    def memo_dialog(self, target: str, target_id: int, title: str) -> None:
        """Read a memo in the background, then edit it in a dialog (saved as one undo step)."""
        def edit(text: str) -> None:
            new, ok = QInputDialog.getMultiLineText(self, title, self.tr("メモ（共有）:"), text)
            if ok and new != text:
                self.submit("set_memo", target=target, target_id=target_id, text=new)

        self.queue.submit(coding_ops().memo_text, edit, target=target, target_id=target_id)

    def code_memo_dialog(self) -> None:
        c = next((c for c in self.book if c["id"] == self.current_code()), None)
        if c is not None:
            self.memo_dialog("code", c["id"], self.tr("コード「{0}」のメモ").format(c["name"]))

    def project_memo_dialog(self) -> None:
        self.memo_dialog("project", 0, self.tr("プロジェクトのメモ"))

    def move_code(self, code_id: int, parent: int | None) -> None:
        self.submit("update_code", code_id=code_id, parent_id=parent)

    def delete_code(self) -> None:
        cid = self.current_code()
        c = next((c for c in self.book if c["id"] == cid), None)
        if c and QMessageBox.question(self, self.tr("コードを削除"), self.tr(
                "「{0}」と下位コード、そのコード付け {1:,} 件を削除します（Ctrl+Z で戻せます）").format(c["name"], c["count"])) \
                == QMessageBox.StandardButton.Yes:
            self.submit("delete_code", code_id=cid)
