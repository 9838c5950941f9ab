"""Label corrections in the app (issue 21): one key changes the polarity, churn, advocacy or
stage of the selected verbatim, undo / redo, and the jobs that run them.

The operations are ``voc_app.corrections``; each runs as a quick thread job (one after the
other, so undo follows the edits it undoes) and the views update when it is done: the row
shows the new label with ✎ (a person set it), the detail pane says 「✎ 人が修正」.

Keys (on the verbatim list and the review queue; plain keys, so they never reach the search
box): 1 喜び, 2 不満, 3 中立, 4 混在; C toggles 解約の兆し, A toggles 推奨・紹介, S cycles the stage
(初回体験 → 活用 → 推奨 → なし); Ctrl+Z / Ctrl+Shift+Z undo and redo corrections while the
発言 tab is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from voc_app.gui.jobs import Job
from voc_app.gui.labels import label_of

STAGE_CYCLE = ("first_experience", "success", "advocacy", "none")


# --- operations (run in a worker thread with the job's own project connection) ----------------

def op_correct(project, progress, verbatim_id: int, coder: str, labels: dict) -> dict:
    from voc_app.corrections import correct

    return correct(project, verbatim_id, coder=coder, **labels)


def op_undo(project, progress) -> str | None:
    from voc_app.corrections import undo

    return undo(project)


def op_redo(project, progress) -> str | None:
    from voc_app.corrections import redo

    return redo(project)


def op_learn(project, progress):
    from voc_app.corrections import learn

    return learn(project, progress)


def op_use_shipped(project, progress) -> dict:
    from voc_app.corrections import use_shipped_model

    return use_shipped_model(project, progress)


def op_status(project, progress):
    from voc_app.corrections import status

    return status(project)


def op_queue(project, progress, n: int, task: str, source: str | None, label: str | None):
    from voc_app.corrections import queue

    return queue(project, n, task, source, label, progress)


# --- the keys -------------------------------------------------------------------------------

def key_specs() -> list[tuple[str, str, str | None, str]]:
    """(key, label, value or None: toggle / cycle, what it does)."""
    return [
        ("1", "polarity", "delight", label_of("polarity", "delight")),
        ("2", "polarity", "pain", label_of("polarity", "pain")),
        ("3", "polarity", "neutral", label_of("polarity", "neutral")),
        ("4", "polarity", "mixed", label_of("polarity", "mixed")),
        ("C", "churn", None, QCoreApplication.translate("Corrections", "{0}（切り替え）").format(
            label_of("evidence", "churn"))),
        ("A", "advocacy", None, QCoreApplication.translate("Corrections", "{0}（切り替え）").format(
            label_of("evidence", "advocacy"))),
        ("S", "stage", None, QCoreApplication.translate("Corrections", "{0}（順に切り替え）").format(
            label_of("evidence", "stage"))),
    ]


def keys_help(rich: bool = False) -> str:
    """The keys, for a hint line and tooltips."""
    parts = [f"{k} {what}" for k, _t, _v, what in key_specs()]
    parts += [QCoreApplication.translate("Corrections", "Ctrl+Z 元に戻す"),
              QCoreApplication.translate("Corrections", "Ctrl+Shift+Z やり直し")]
    head = QCoreApplication.translate("Corrections", "ラベルの修正")
    if rich:
        return f"<b>{head}</b><br>" + "<br>".join(parts)
    return f"{head}: " + " ・ ".join(parts)


def keys_hint() -> str:
    """The keys in one short line (the corner of the 発言 tab); ``keys_help`` has them all."""
    return QCoreApplication.translate("Corrections", "✎ キー: 1–4 極性 ・ C 解約 ・ A 推奨 ・ S 段階 ・ Ctrl+Z 元に戻す")


def next_value(target: str, value: str | None, now: Mapping) -> str | int:
    """The value a key sets: its own (1–4), the other of 0/1 (C, A), the next stage (S)."""
    if value is not None:
        return value
    if target in ("churn", "advocacy"):
        return 0 if int(now.get(target) or 0) else 1
    cur = now.get("stage") or "none"
    i = STAGE_CYCLE.index(cur) if cur in STAGE_CYCLE else -1
    return STAGE_CYCLE[(i + 1) % len(STAGE_CYCLE)]


def install_keys(widget: QWidget, current: Callable[[], tuple[int, Mapping] | None],
                 submit: Callable[[int, dict], None]) -> list[QAction]:
    """The correction keys on ``widget`` (only while it has focus): ``current()`` gives the
    selected verbatim and its labels now, ``submit(verbatim_id, {label: value})`` corrects it."""
    acts = []
    for key, target, value, what in key_specs():
        a = QAction(what, widget)
        a.setObjectName(f"correct_{key}")
        a.setShortcut(QKeySequence(key))
        a.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

        def fire(_c=False, target=target, value=value) -> None:
            got = current()
            if got is None:
                return
            vid, now = got
            submit(vid, {target: next_value(target, value, now)})

        a.triggered.connect(fire)
        widget.addAction(a)
        acts.append(a)
    widget.setToolTip(keys_help(rich=True))
    return acts


class Corrections(QObject):
    """Runs corrections, undo and redo as quick thread jobs, one after the other; ``changed``
    carries the verbatims whose labels changed (empty: any may have) and a message."""

    changed = Signal(list, str)
    corrected = Signal(int, dict)  # a correction's verbatim and its final labels now
    edited = Signal()  # a correction, undo or redo changed the project (a backup may be due)

    def __init__(self, project_path: Path, coder: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project_path, self.coder = Path(project_path), coder
        self._waiting: list[tuple] = []
        self._job: Job | None = None
        self._jobs: list[Job] = []

    def idle(self) -> bool:
        return not self._waiting and (self._job is None or self._job.finished)

    def correct(self, verbatim_id: int, labels: dict) -> None:
        self._submit(op_correct, verbatim_id=int(verbatim_id), coder=self.coder(), labels=dict(labels))

    def undo(self) -> None:
        self._submit(op_undo)

    def redo(self) -> None:
        self._submit(op_redo)

    def _submit(self, fn, **kwargs) -> None:
        self._waiting.append((fn, kwargs))
        self._next()

    def _next(self) -> None:
        if not self._waiting or (self._job is not None and not self._job.finished):
            return
        fn, kwargs = self._waiting.pop(0)
        job = Job(QCoreApplication.translate("Corrections", "ラベルの修正"), self.project_path, fn, **kwargs)
        job.when("done", lambda r, fn=fn, kw=kwargs: self._done(fn, kw, r))
        job.when("failed", lambda msg: self._end([], msg))
        job.when("cancelled", lambda: self._end([], ""))
        self._job = job
        self._jobs = [j for j in self._jobs if not j.finished] + [job]
        job.start()

    def _done(self, fn, kwargs: dict, result) -> None:
        if fn is op_correct or result:
            self.edited.emit()
        if fn is op_correct:
            vid = kwargs["verbatim_id"]
            shown = " ・ ".join(f"{label_of('evidence', t)}: {self._value(t, v)}" for t, v in kwargs["labels"].items())
            self.corrected.emit(vid, result or {})
            self._end([vid], QCoreApplication.translate("Corrections", "✎ ラベルを修正しました（{0}）— Ctrl+Z で元に戻す").format(shown))
        elif fn is op_undo:
            self._end([], QCoreApplication.translate("Corrections", "ラベルの修正を元に戻しました") if result else QCoreApplication.translate("Corrections", "元に戻す修正はありません"))
        else:
            self._end([], QCoreApplication.translate("Corrections", "ラベルの修正をやり直しました") if result else QCoreApplication.translate("Corrections", "やり直す修正はありません"))

    def _value(self, target: str, value) -> str:
        if target in ("churn", "advocacy"):
            return QCoreApplication.translate("Corrections", "あり") if int(value) else QCoreApplication.translate("Corrections", "なし")
        if target == "stage" and value == "none":
            return QCoreApplication.translate("Corrections", "なし")
        return label_of(target, value)

    def _end(self, ids: list, message: str) -> None:
        self.changed.emit(ids, message)
        self._next()
