"""Researchers' coding in the app: the コーディング view (codebook, verbatims, span coding with
the keyboard, memos, per-coder and blind) and the コード分析 view (rule preview and auto-coding,
inter-coder agreement, code × attribute cross-tab, words: frequency, KWIC, co-occurrence network).

Every edit is a ``voc_app.coding`` call in a background job; edits run one after another in the
order they were made (``EditQueue``), and each returns the state the view shows next.
"""

from __future__ import annotations

import getpass
import html
import math
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGraphicsScene,
    QGraphicsView,
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
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from voc_app.gui import i18n
from voc_app.gui.i18n import Labels
from voc_app.gui.jobs import Job
from voc_app.gui.models import POLARITY_LABELS, VerbatimModel

SOURCE_LABELS = Labels(manual=QT_TRANSLATE_NOOP("labels", "手作業"), rule=QT_TRANSLATE_NOOP("labels", "ルール"),
                       topic=QT_TRANSLATE_NOOP("labels", "トピック"))
STATE_LABELS = Labels(accepted=QT_TRANSLATE_NOOP("labels", "確定"), pending=QT_TRANSLATE_NOOP("labels", "未確認"),
                      rejected=QT_TRANSLATE_NOOP("labels", "却下"))
BY_LABELS = Labels(polarity=QT_TRANSLATE_NOOP("labels", "極性"), stage=QT_TRANSLATE_NOOP("labels", "段階"),
                   month=QT_TRANSLATE_NOOP("labels", "月"), question=QT_TRANSLATE_NOOP("labels", "設問"),
                   source=QT_TRANSLATE_NOOP("labels", "種類"), nps_group=QT_TRANSLATE_NOOP("labels", "NPS 区分"),
                   segment=QT_TRANSLATE_NOOP("labels", "ロイヤルティ区分"), rfm_segment=QT_TRANSLATE_NOOP("labels", "RFM 区分"))
# Sudachi's part-of-speech names are the values; the labels are translated
POS_NAMES = (QT_TRANSLATE_NOOP("labels", "名詞"), QT_TRANSLATE_NOOP("labels", "動詞"), QT_TRANSLATE_NOOP("labels", "形容詞"),
             QT_TRANSLATE_NOOP("labels", "形状詞"), QT_TRANSLATE_NOOP("labels", "副詞"))
EDIT_ACTIONS = ("add_code", "update_code", "merge_codes", "delete_code", "tag", "untag", "review_auto",
                "mark_reviewed", "set_memo", "undo", "redo", "topic_to_code", "import_codebook", "apply_rules")


# --- operations (run in jobs) ------------------------------------------------------------------

def op_coding(project, progress, verbatim_id=None, coder="", blind=False, action=None, kwargs=None, move=None):
    """Do one coding edit (a ``voc_app.coding`` function), optionally move to the next / previous
    uncoded verbatim, and return what the coding view shows."""
    from voc_app import coding as C
    from voc_app.store import coding as st

    result = None
    if action:
        if action not in EDIT_ACTIONS:
            raise ValueError(action)
        result = getattr(C, action)(project, **(kwargs or {}))
    conn = project.conn
    cid = st.coder_id(conn, coder) if coder else None
    if move and cid is not None:
        nxt = st.next_verbatim(conn, cid, verbatim_id or 0, backwards=move == "prev")
        verbatim_id = nxt if nxt is not None else verbatim_id
    state = {"result": result, "book": C.codebook(project), "coders": [c[1] for c in st.coders(conn)],
             "undo": st.undo_state(conn), "verbatim": None, "codings": [], "memo": "", "moved": move}
    if verbatim_id is not None:
        row = conn.execute("SELECT v.id, v.text, v.kind, coalesce(v.question, v.channel, v.speaker), v.created_at,"
                           " (SELECT polarity FROM analyses a WHERE a.verbatim_id = v.id) FROM verbatims v WHERE v.id = ?",
                           (verbatim_id,)).fetchone()
        if row:
            state["verbatim"] = row
            state["codings"] = st.codings_of(conn, verbatim_id, cid if blind else None)
            state["memo"] = st.memo(conn, "verbatim", verbatim_id, None)
    return state


def op_memo(project, progress, target, target_id):
    from voc_app.store.coding import memo

    return memo(project.conn, target, target_id, None)


def op_rule_preview(project, progress, rule, sample=40):
    from voc_app import coding as C
    from voc_app.store.queries import verbatims_by_id

    res = C.preview_rule(project, rule, sample=sample, progress=progress)
    rows = verbatims_by_id(project.conn, res.sample)
    tokens = dict(project.conn.execute(
        f"SELECT verbatim_id, tokens FROM analyses WHERE verbatim_id IN ({','.join('?' * len(res.sample)) or 'NULL'})",
        res.sample).fetchall())
    return res, [(vid, rows[vid][4], tokens.get(vid)) for vid in res.sample if vid in rows]


def op_agreement(project, progress, coders):
    from voc_app import coding as C

    progress(None, "一致率を計算")
    rep = C.agreement(project, coders)
    texts = {}
    ids = sorted({d.unit for d in rep.disagreements})[:2000]
    for k in range(0, len(ids), 500):
        part = ids[k:k + 500]
        texts.update(project.conn.execute(f"SELECT id, text FROM verbatims WHERE id IN ({','.join('?' * len(part))})", part))
    return rep, {c["id"]: c["name"] for c in C.codebook(project)}, texts


def op_crosstab(project, progress, by):
    from voc_app import coding as C

    progress(None, "クロス集計")
    return C.crosstab(project, by)


def op_words(project, progress, view, pos=None, by=None, word="", min_freq=5, edges=60, codes=False):
    from voc_app import coding as C

    progress(None, "語を数えています")
    if view == "freq":
        return C.word_frequency(project, pos=pos, by=by, top=300)
    if view == "kwic":
        return C.kwic(project, word, limit=500)
    return C.code_cooccurrence(project, min_freq=min_freq, edges=edges) if codes else \
        C.word_network(project, pos=pos, min_freq=min_freq, edges=edges)


def op_dimensions(project, progress):
    """Cross-tab dimensions: built-ins plus the attribute names found in responses and customers."""
    keys = set()
    for table in ("responses", "customers"):
        for (k,) in project.conn.execute(f"SELECT DISTINCT j.key FROM {table}, json_each({table}.attributes) j LIMIT 200"):
            keys.add(k)
    return sorted(keys)


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


def _buttons(specs, columns: int = 0):
    """Push buttons from (text, slot, object name): one row, or a grid of ``columns``."""
    from PySide6.QtWidgets import QGridLayout

    lay = QGridLayout() if columns else QHBoxLayout()
    for i, (text, fn, name) in enumerate(specs):
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(fn)
        if columns:
            lay.addWidget(b, i // columns, i % columns)
        else:
            lay.addWidget(b)
    return lay


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


def _swatch(color: str) -> QIcon:
    pm = QPixmap(12, 12)
    pm.fill(QColor(color))
    return QIcon(pm)


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
                it = QListWidgetItem(_swatch(c["color"]), "　" * c["depth"] + c["name"])
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
        self.tree.itemDoubleClicked.connect(lambda it, _c: self._apply_code(it.data(0, Qt.ItemDataRole.UserRole)))
        self.tree.currentItemChanged.connect(self._code_selected)
        ll.addWidget(self.tree, 3)
        ll.addLayout(_buttons(((self.tr("追加"), self.add_code, "code_add"), (self.tr("下位に追加"), self.add_child, "code_child"),
                               (self.tr("名前"), self.rename_code, "code_rename"), (self.tr("統合"), self.merge_code, "code_merge"),
                               (self.tr("移動"), self.move_dialog, "code_move"), (self.tr("メモ"), self.code_memo_dialog, "code_memo"),
                               (self.tr("削除"), self.delete_code, "code_delete")), columns=4))
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
        from voc_app.gui.views import _table

        self.list = _table(self.model, 7)
        self.list.setObjectName("coding_list")
        for c in (0, 1, 2, 3, 5, 6):
            self.list.setColumnHidden(c, True)
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
        rl.addLayout(_buttons(((self.tr("外す (Del)"), self.remove_selected, "untag"),
                               (self.tr("承認"), lambda: self.review(True), "accept"),
                               (self.tr("却下"), lambda: self.review(False), "reject"))))
        self.memo = _text_box(rl, self.tr("この発言のメモ"), 80, self.tr("メモを保存"), self.save_memo, "verbatim_memo")
        split.addWidget(right)
        split.setSizes([280, 340, 660])
        lay.addWidget(split, 1)
        from PySide6.QtGui import QShortcut

        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)

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
        self.queue.submit(op_coding, self.show_state, verbatim_id=self.vid, coder=self.coder_name(),
                          blind=self.blind.isChecked(), action=action, kwargs=kwargs, move=move)

    def show_state(self, s: dict) -> None:
        self.book = s["book"]
        current = self.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) if self.tree.currentItem() else None
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for n, c in enumerate(self.book):
            label = (f"{n + 1}  " if n < 9 else "    ") + c["name"] + ("  ⚙" if c["rule"] else "")
            it = QTreeWidgetItem([label, f"{c['count']:,}"])
            it.setIcon(0, _swatch(c["color"]))
            it.setData(0, Qt.ItemDataRole.UserRole, c["id"])
            it.setToolTip(0, c["description"] or c["name"])
            it.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            (items[c["parent_id"]].addChild(it) if c["parent_id"] in items else self.tree.addTopLevelItem(it))
            items[c["id"]] = it
            if c["id"] == current:
                self.tree.setCurrentItem(it)
        self.tree.expandAll()
        from voc_app.store.coding import AUTO_CODER

        me = self.coder_name()
        have = {self.coder.itemText(i) for i in range(self.coder.count())}
        for n in s["coders"]:
            if n not in have and n != AUTO_CODER:
                self.coder.addItem(n)
        if self.coder.currentText() != me:
            self.coder.setEditText(me)
        if s.get("moved") and s["verbatim"] and s["verbatim"][0] != self.vid:
            self._select_in_list(s["verbatim"][0])
        v = s["verbatim"]
        if v is None:
            self.vid, self.text, self.codings = None, "", []
            self.textview.clear()
            self.meta.setText(self.tr("左の一覧から発言を選んでください"))
        else:
            self.vid, self.text = v[0], v[1]
            self.codings = s["codings"]
            self.meta.setText(f"#{v[0]} ・ {html.escape(v[3] or v[2] or '')} ・ {(v[4] or '')[:10]} ・ "
                              f"{POLARITY_LABELS.get(v[5] or '', '')}")
            if self.textview.toPlainText() != self.text.replace("\r", " "):
                self.textview.setPlainText(self.text.replace("\r", " "))
            self._highlight()
            if not self.memo.hasFocus():
                self.memo.setPlainText(s["memo"])
        self._fill_codings()
        undo, redo = s["undo"]
        self.message.emit(self.tr("元に戻す: {0}").format(undo) if undo else "")
        if isinstance(s.get("result"), str) and s.get("result"):
            self.message.emit(str(s["result"]))

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
            vals = [g["code"], g["coder"], seg, SOURCE_LABELS.get(g["source"], g["source"]),
                    STATE_LABELS.get(g["state"], g["state"])]
            for c, v in enumerate(vals):
                it = QTableWidgetItem(v)
                if c == 0:
                    it.setIcon(_swatch(g["color"]))
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
        self.code_info.setText(self.tr("<b>{0}</b>（{1:,} 件）").format(html.escape(c["name"]), c["count"]) + rule + ex)
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
        from voc_app.store.coding import subtree_of

        banned = subtree_of(self.book, cid)
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

        self.queue.submit(op_memo, edit, target=target, target_id=target_id)

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


# --- analysis view ---------------------------------------------------------------------------

def _fmt(v: float, digits: int = 3) -> str:
    return "—" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.{digits}f}"


class NetworkView(QGraphicsView):
    """A co-occurrence network drawn with QGraphicsScene; saved as PNG or SVG."""

    COLORS = ("#A6CEE3", "#B2DF8A", "#FB9A99", "#FDBF6F", "#CAB2D6", "#FFFF99", "#1F78B4", "#33A02C", "#E31A1C", "#FF7F00")

    def __init__(self) -> None:
        super().__init__()
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.net = None

    def draw(self, net) -> None:
        self.net = net
        sc = self.scene()
        sc.clear()
        w, h, pad = 900.0, 640.0, 50.0
        maxf = max((n[1] for n in net.nodes), default=1)
        xy = [QPointF(pad + n[2] * (w - 2 * pad), pad + (1 - n[3]) * (h - 2 * pad)) for n in net.nodes]
        for a, b, j in net.edges:
            sc.addLine(xy[a].x(), xy[a].y(), xy[b].x(), xy[b].y(), QPen(QColor(120, 120, 120, 170), 0.8 + 4 * j))
        font = QFont(self.font())
        font.setPointSize(10)
        for (label, freq, _x, _y, comm), p in zip(net.nodes, xy, strict=True):
            r = 6 + 14 * (freq / maxf) ** 0.5
            sc.addEllipse(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r), QPen(QColor("#555555")),
                          QBrush(QColor(self.COLORS[comm % len(self.COLORS)])))
            t = sc.addText(label, font)
            br = t.boundingRect()
            t.setPos(p.x() - br.width() / 2, p.y() - br.height() / 2)
        sc.setSceneRect(0, 0, w, h)
        self.fitInView(sc.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def save(self, path: str) -> None:
        sc = self.scene()
        rect = sc.sceneRect()
        if path.lower().endswith(".svg"):
            from PySide6.QtSvg import QSvgGenerator

            gen = QSvgGenerator()
            gen.setFileName(path)
            gen.setSize(rect.size().toSize())
            gen.setViewBox(rect)
            gen.setTitle("co-occurrence network")
            p = QPainter(gen)
            sc.render(p, rect, rect)
            p.end()
        else:
            from PySide6.QtGui import QImage

            img = QImage(rect.size().toSize() * 2, QImage.Format.Format_ARGB32)
            img.fill(QColor("white"))
            p = QPainter(img)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            sc.render(p, QRectF(img.rect()), rect)
            p.end()
            img.save(path)

    def resizeEvent(self, e) -> None:  # noqa: N802
        super().resizeEvent(e)
        if self.net is not None:
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)


class CodeAnalysisView(QWidget):
    """Auto-coding rules, agreement, cross-tab and word views. Heavy work goes through the main
    window's ``run`` (a job with progress and cancel)."""

    open_ids = Signal(list, str)

    def __init__(self, project_path: Path, run) -> None:
        super().__init__()
        self.project_path = Path(project_path)
        self.run = run
        self.book: list[dict] = []
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs)
        self._rules_tab()
        self._agreement_tab()
        self._crosstab_tab()
        self._words_tab()
        self.loaded = False

    def start(self, book: list[dict], coders: list[str]) -> None:
        self.book = book
        cur = self.rule_code.currentData()
        self.rule_code.clear()
        for c in book:
            self.rule_code.addItem(_swatch(c["color"]), "　" * c["depth"] + c["name"], c["id"])
        if cur is not None:
            i = self.rule_code.findData(cur)
            if i >= 0:
                self.rule_code.setCurrentIndex(i)
        self.coders.clear()
        for n in coders:
            it = QListWidgetItem(n)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.coders.addItem(it)
        if not self.loaded:
            self.loaded = True
            self._loader = Job("dimensions", self.project_path, op_dimensions).when("done", self._dimensions)
            self._loader.start()

    def idle(self) -> bool:
        return getattr(self, "_loader", None) is None or self._loader.finished

    def _dimensions(self, keys: list[str]) -> None:
        for k in keys:
            for box in (self.by, self.freq_by):
                if box.findData(k) < 0:
                    box.addItem(k, k)

    # --- rules ----------------------------------------------------------------------------------
    def _rules_tab(self) -> None:
        w = QWidget()
        lay = QVBoxLayout(w)
        form = QFormLayout()
        self.rule_code = QComboBox()
        self.rule_code.setObjectName("rule_code")
        self.rule_code.currentIndexChanged.connect(self._rule_of_code)
        form.addRow(self.tr("コード"), self.rule_code)
        self.rule = QLineEdit()
        self.rule.setObjectName("rule")
        self.rule.setPlaceholderText(self.tr("例: (配送 | 届く) & pain ・ \"箱が潰れ\" ・ 解約 & !継続 ・ attr:年代=30代 ・ nps:0-6 ・ topic:12"))
        self.rule.returnPressed.connect(self.preview)
        form.addRow(self.tr("ルール"), self.rule)
        lay.addLayout(form)
        lay.addLayout(_buttons(((self.tr("プレビュー (Enter)"), self.preview, "rule_preview"),
                               (self.tr("ルールを保存して自動コーディング"), self.apply, "rule_apply"),
                               (self.tr("すべてのルールを適用"), self.apply_all, "rule_apply_all"),
                               (self.tr("未確認を承認"), lambda: self.review_all(True), "rule_accept"),
                               (self.tr("未確認を却下"), lambda: self.review_all(False), "rule_reject"))))
        self.rule_result = QLabel(self.tr("語は見出し語で照合します（届く → 届いた・届きました）。& かつ、| または、! でない、"
                                          "\"…\" は文字列、pain / delight / churn / advocacy、stage:・kind:・question:・"
                                          "topic:・attr:・nps:・code: で条件を足せます。"))
        self.rule_result.setWordWrap(True)
        lay.addWidget(self.rule_result)
        self.rule_preview = QTextBrowser()
        self.rule_preview.setObjectName("rule_preview_text")
        lay.addWidget(self.rule_preview)
        self.tabs.addTab(w, self.tr("自動コーディング"))

    def _rule_of_code(self, _i=None) -> None:
        c = next((c for c in self.book if c["id"] == self.rule_code.currentData()), None)
        if c is not None:
            self.rule.setText(c["rule"])

    def preview(self) -> None:
        rule = self.rule.text().strip()
        if not rule:
            return
        from nlp.coderules import RuleError, parse

        try:
            node = parse(rule)
        except RuleError as e:
            self.rule_result.setText(f"<span style='color:#C00000'>{html.escape(str(e))}</span>")
            return
        self.run(self.tr("ルールのプレビュー"), op_rule_preview, rule=rule, quiet=True,
                 done=lambda r: self._show_preview(node, r))

    def _show_preview(self, node, r) -> None:
        import json

        from nlp.coderules import match_spans, to_text

        res, rows = r
        self.rule_result.setText(self.tr("<b>{0:,}</b> / {1:,} 件が該当（{2}）— 例を {3} 件表示").format(
            res.matches, res.total, html.escape(to_text(node)), len(rows)))
        out = []
        for vid, text, toks in rows:
            spans = match_spans(node, text, json.loads(toks) if toks else [])
            h, last = "", 0
            for s, e in spans:
                if s < last:
                    continue
                h += html.escape(text[last:s]) + f"<b style='background:#FFE699'>{html.escape(text[s:e])}</b>"
                last = e
            h += html.escape(text[last:])
            out.append(f"<p><span style='color:#888'>#{vid}</span> {h}</p>")
        self.rule_preview.setHtml("".join(out) or self.tr("<p>該当なし</p>"))

    def apply(self) -> None:
        cid = self.rule_code.currentData()
        rule = self.rule.text().strip()
        if cid is None or not rule:
            QMessageBox.information(self, self.tr("自動コーディング"), self.tr("コードを選び、ルールを書いてください"))
            return
        self.run(self.tr("自動コーディング"), op_apply_rule, code_id=cid, rule=rule,
                 done=lambda res: self.rule_result.setText(self._applied(res)))

    def apply_all(self) -> None:
        self.run(self.tr("自動コーディング"), op_apply_rule, code_id=None, rule=None,
                 done=lambda res: self.rule_result.setText(self._applied(res)))

    def _applied(self, res: dict) -> str:
        names = {c["id"]: c["name"] for c in self.book}
        if not res:
            return self.tr("ルールのあるコードがありません")
        return "<br>".join(self.tr("{0}: 該当 {1:,} 件（新規 {2:,}・外れた未確認 {3:,}）— 未確認として付けました。"
                                   "コーディング画面の「未確認の自動コードがある発言」で確認できます").format(
            html.escape(names.get(c, str(c))), r.matches, r.added, r.removed) for c, r in res.items())

    def review_all(self, accept: bool) -> None:
        cid = self.rule_code.currentData()
        if cid is not None:
            self.run(self.tr("自動コードの確認"), op_review_all, code_id=cid, accept=accept,
                     done=lambda n: self.rule_result.setText(self.tr("{0:,} 件を{1}しました").format(
                         n, self.tr("承認") if accept else self.tr("却下"))))

    # --- agreement ------------------------------------------------------------------------------
    def _agreement_tab(self) -> None:
        w = QWidget()
        lay = QHBoxLayout(w)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("比べるコーダー（2 人以上）")))
        self.coders = QListWidget()
        self.coders.setObjectName("agreement_coders")
        self.coders.setMaximumWidth(220)
        left.addWidget(self.coders)
        b = QPushButton(self.tr("一致率を計算"))
        b.setObjectName("agreement_run")
        b.clicked.connect(self.compute_agreement)
        left.addWidget(b)
        lay.addLayout(left)
        right = QVBoxLayout()
        self.agree_summary = QLabel()
        self.agree_summary.setWordWrap(True)
        right.addWidget(self.agree_summary)
        self.agree_table = QTableWidget(0, 0)
        self.agree_table.setObjectName("agreement_table")
        self.agree_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        right.addWidget(self.agree_table, 1)
        right.addWidget(QLabel(self.tr("不一致（ダブルクリックで発言を開く）")))
        self.disagree = QTableWidget(0, 4)
        self.disagree.setHorizontalHeaderLabels([self.tr("発言"), self.tr("コード"), self.tr("付けた"), self.tr("本文")])
        self.disagree.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.disagree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.disagree.cellDoubleClicked.connect(
            lambda r, _c: self.open_ids.emit([int(self.disagree.item(r, 0).text())], self.tr("不一致")))
        right.addWidget(self.disagree, 1)
        lay.addLayout(right, 1)
        self.tabs.addTab(w, self.tr("一致率"))

    def compute_agreement(self) -> None:
        names = [self.coders.item(i).text() for i in range(self.coders.count())
                 if self.coders.item(i).checkState() == Qt.CheckState.Checked]
        if len(names) < 2:
            QMessageBox.information(self, self.tr("一致率"), self.tr("コーダーを 2 人以上選んでください"))
            return
        self.run(self.tr("一致率"), op_agreement, coders=names, quiet=True, done=self._show_agreement)

    def _show_agreement(self, r) -> None:
        rep, names, texts = r
        self.agree_summary.setText(self.tr(
            "共通に確認した発言 {0:,} 件 ・ 全体の一致率 {1} % ・ Cohen の κ {2} ・ Krippendorff の α {3}"
            "（発言ごとに各コードの有無で比較。κ は 2 人のとき）").format(
            rep.units, _fmt(rep.overall_percent, 1), _fmt(rep.overall_kappa), _fmt(rep.overall_alpha)))
        heads = [self.tr("コード"), self.tr("発言")] + [f"{c}" for c in rep.coders] + [self.tr("一致率%"), "κ", "α"]
        t = self.agree_table
        t.setColumnCount(len(heads))
        t.setHorizontalHeaderLabels(heads)
        t.setRowCount(len(rep.codes))
        for r, c in enumerate(rep.codes):
            vals = [names.get(c.code, str(c.code)), str(c.units)] + [str(c.applied[k]) for k in rep.coders] + [
                _fmt(c.percent, 1), _fmt(c.kappa), _fmt(c.alpha)]
            for k, v in enumerate(vals):
                t.setItem(r, k, QTableWidgetItem(v))
            if not math.isnan(c.kappa) and c.kappa < 0.6:
                t.item(r, len(vals) - 2).setBackground(QColor("#F8CBAD"))
        self.disagree.setRowCount(len(rep.disagreements))
        for r, d in enumerate(rep.disagreements):
            for k, v in enumerate([str(d.unit), names.get(d.code, str(d.code)), "、".join(d.applied_by),
                                   texts.get(d.unit, "")]):
                self.disagree.setItem(r, k, QTableWidgetItem(v))

    # --- cross-tab ------------------------------------------------------------------------------
    def _crosstab_tab(self) -> None:
        w = QWidget()
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("コード ×")))
        self.by = QComboBox()
        self.by.setObjectName("crosstab_by")
        for key, name in BY_LABELS.items():
            self.by.addItem(name, key)
        row.addWidget(self.by)
        b = QPushButton(self.tr("集計"))
        b.setObjectName("crosstab_run")
        b.clicked.connect(lambda: self.run(self.tr("クロス集計"), op_crosstab, by=self.by.currentData(), quiet=True,
                                           done=self._show_crosstab))
        row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.ct = QTableWidget(0, 0)
        self.ct.setObjectName("crosstab")
        self.ct.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ct.cellDoubleClicked.connect(self._open_cell)
        lay.addWidget(self.ct)
        lay.addWidget(QLabel(self.tr("件数（列の回答に占める割合）。色: 調整済み残差 > 1.96 は多い（赤）、< −1.96 は少ない（青）。"
                                     "セルをダブルクリックでその発言を開く")))
        self.tabs.addTab(w, self.tr("クロス集計"))
        self._ct = None

    def _show_crosstab(self, ct) -> None:
        self._ct = ct
        t = self.ct
        t.setColumnCount(len(ct.columns) + 1)
        from voc_app.gui.models import KIND_LABELS, STAGE_LABELS

        names = {"polarity": POLARITY_LABELS, "stage": STAGE_LABELS, "source": KIND_LABELS}.get(ct.by, {})
        t.setHorizontalHeaderLabels([f"{names.get(c, c)}\n(n={n:,})" for c, n in zip(ct.columns, ct.totals, strict=True)]
                                    + [self.tr("計")])
        t.setRowCount(len(ct.codes))
        t.setVerticalHeaderLabels(["　" * c["depth"] + c["name"] for c in ct.codes])
        for r, (row, pct, res) in enumerate(zip(ct.counts, ct.percent, ct.residual, strict=True)):
            for k, (n, p, z) in enumerate(zip(row, pct, res, strict=True)):
                it = QTableWidgetItem(f"{n:,} ({p:.1f}%)")
                it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if z > 1.96:
                    it.setBackground(QColor("#F4B183") if z > 3 else QColor("#FBE5D6"))
                elif z < -1.96:
                    it.setBackground(QColor("#9DC3E6") if z < -3 else QColor("#DEEBF7"))
                it.setToolTip(self.tr("調整済み残差 {0:.2f}").format(z))
                t.setItem(r, k, it)
            t.setItem(r, len(row), QTableWidgetItem(f"{sum(row):,}"))
        t.resizeColumnsToContents()

    def _open_cell(self, r: int, c: int) -> None:
        ct = self._ct
        if ct is None or c >= len(ct.columns):
            return
        code = ct.codes[r]
        value = ct.columns[c] if ct.columns[c] != "（なし）" else ""
        self.run(self.tr("発言を開く"), op_cell_ids, code_id=code["id"], by=ct.by, value=value, quiet=True,
                 done=lambda ids: self.open_ids.emit(ids, f"{code['name']} × {ct.columns[c]}"))

    # --- words ----------------------------------------------------------------------------------
    def _words_tab(self) -> None:
        w = QWidget()
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        self.pos = QComboBox()
        self.pos.addItem(self.tr("品詞: すべて"), None)
        for p in POS_NAMES:
            self.pos.addItem(i18n.label(p), p)
        row.addWidget(self.pos)
        self.freq_by = QComboBox()
        self.freq_by.addItem(self.tr("属性別: なし"), None)
        for key in ("polarity", "source", "nps_group"):
            self.freq_by.addItem(BY_LABELS[key], key)
        row.addWidget(self.freq_by)
        b = QPushButton(self.tr("頻度"))
        b.setObjectName("words_freq")
        b.clicked.connect(lambda: self.run(self.tr("語の頻度"), op_words, view="freq", pos=self.pos.currentData(),
                                           by=self.freq_by.currentData(), quiet=True, done=self._show_freq))
        row.addWidget(b)
        self.kwic_word = QLineEdit()
        self.kwic_word.setPlaceholderText(self.tr("KWIC の語（例: 届く）"))
        self.kwic_word.returnPressed.connect(self.run_kwic)
        row.addWidget(self.kwic_word)
        row.addWidget(QLabel(self.tr("最小出現")))
        self.min_freq = QSpinBox()
        self.min_freq.setRange(1, 10000)
        self.min_freq.setValue(3)
        row.addWidget(self.min_freq)
        row.addWidget(QLabel(self.tr("エッジ数")))
        self.edges = QSpinBox()
        self.edges.setRange(5, 500)
        self.edges.setValue(60)
        row.addWidget(self.edges)
        self.net_codes = QCheckBox(self.tr("コードの共起"))
        row.addWidget(self.net_codes)
        b = QPushButton(self.tr("共起ネットワーク"))
        b.setObjectName("words_network")
        b.clicked.connect(lambda: self.run(self.tr("共起ネットワーク"), op_words, view="network", pos=self.pos.currentData(),
                                           min_freq=self.min_freq.value(), edges=self.edges.value(),
                                           codes=self.net_codes.isChecked(), quiet=True, done=self._show_network))
        row.addWidget(b)
        b = QPushButton(self.tr("画像を保存…"))
        b.clicked.connect(self.save_network)
        row.addWidget(b)
        lay.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.freq = QTableWidget(0, 4)
        self.freq.setObjectName("word_freq")
        self.freq.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.freq.cellDoubleClicked.connect(lambda r, _c: (self.kwic_word.setText(self.freq.item(r, 0).text()), self.run_kwic()))
        split.addWidget(self.freq)
        right = QTabWidget()
        self.network = NetworkView()
        self.network.setObjectName("network")
        self.kwic = QTextBrowser()
        right.addTab(self.network, self.tr("共起ネットワーク"))
        right.addTab(self.kwic, "KWIC")
        self.word_tabs = right
        split.addWidget(right)
        split.setSizes([380, 800])
        lay.addWidget(split)
        self.tabs.addTab(w, self.tr("語"))

    def _show_freq(self, rows) -> None:
        groups = sorted({g for r in rows for g in r.by_group})
        heads = [self.tr("語"), self.tr("品詞"), self.tr("出現"), self.tr("文書")] + [POLARITY_LABELS.get(g, g or "（なし）") for g in groups]
        self.freq.setColumnCount(len(heads))
        self.freq.setHorizontalHeaderLabels(heads)
        self.freq.setRowCount(len(rows))
        for r, w in enumerate(rows):
            for k, v in enumerate([w.word, w.pos, w.count, w.docs] + [w.by_group.get(g, 0) for g in groups]):
                it = QTableWidgetItem(str(v))
                if isinstance(v, int):
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.freq.setItem(r, k, it)

    def run_kwic(self) -> None:
        word = self.kwic_word.text().strip()
        if word:
            self.run(self.tr("KWIC"), op_words, view="kwic", word=word, quiet=True, done=self._show_kwic)

    def _show_kwic(self, lines) -> None:
        rows = "".join(f"<tr><td style='color:#888'>#{vid}</td><td align='right'>{html.escape(k.left)}</td>"
                       f"<td><b style='background:#9DC3E6'>{html.escape(k.keyword)}</b></td><td>{html.escape(k.right)}</td></tr>"
                       for vid, k in lines)
        self.kwic.setHtml(self.tr("<p>{0:,} 行</p>").format(len(lines)) + f"<table cellspacing='2'>{rows}</table>")
        self.word_tabs.setCurrentWidget(self.kwic)

    def _show_network(self, net) -> None:
        self.network.draw(net)
        self.word_tabs.setCurrentWidget(self.network)

    def save_network(self) -> None:
        if self.network.net is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("ネットワークを保存"), str(self.project_path.parent / "network.png"),
                                              "PNG (*.png);;SVG (*.svg)")
        if name:
            self.network.save(name)


def op_apply_rule(project, progress, code_id, rule):
    from voc_app import coding as C

    if code_id is not None:
        C.update_code(project, code_id, rule=rule)
        return C.apply_rules(project, [code_id], progress=progress)
    return C.apply_rules(project, None, progress=progress)


def op_review_all(project, progress, code_id, accept):
    from voc_app import coding as C
    from voc_app.store.coding import auto_codings

    ids = [cid for src in ("rule", "topic") for cid, state in auto_codings(project.conn, code_id, src).values()
           if state == "pending"]
    return C.review_auto(project, ids, accept)


def op_cell_ids(project, progress, code_id, by, value):
    from voc_app.store.coding import code_verbatim_ids

    return code_verbatim_ids(project.conn, code_id, by=by, value=value)
