"""Merge two copies of the same project coded by different people (issue 24).

``merge_projects(project, other_path)`` adds what the people of the other copy judged and this
project lacks: coders, codes (matched by GUID, then by name under the same parent), codings,
reviewed marks, memos, label corrections, customer reviews and 表記ゆれ. Verbatims are matched by
their content key (the import's row hash / ticket and message key / interview key, question,
speaker and text), never by row id. It refuses unless both copies hold the same import batches
(by the files' sha256). Adding is idempotent (merging the same copy again adds nothing); where the
same person judged the same thing differently the report lists a conflict and this project's
judgement stays. One transaction (the codes, codings and memos it adds are one undo step of
coding); when it adds anything, a backup is taken first (the additions are worked out in a
rolled-back pass before). ``dry_run`` says what would be added and changes nothing.
The other file is only read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from base.errors import UserError
from base.progress import Progress
from voc_app.store import Project
from voc_app.store import coding as stc
from voc_app.store import merge as st
from voc_app.store.db import check_file, snapshot_readonly
from voc_app.store.merge import Conflict as MergeConflict  # noqa: F401 - re-exported for the app

KINDS = {"code": "コード", "coding": "コード付け", "memo": "メモ", "correction": "ラベル修正", "review": "顧客の確認",
         "synonym": "表記ゆれ"}


class MergeError(UserError):
    """Two files that cannot be merged; the message says why."""


@dataclass
class MergeReport:
    project: str
    other: str
    dry_run: bool
    coders_added: list[str] = field(default_factory=list)
    codes_added: list[str] = field(default_factory=list)  # code paths 「親/子」
    codes_matched: int = 0
    codings_added: dict[str, int] = field(default_factory=dict)  # coder -> codings
    reviewed_added: int = 0  # verbatims marked as gone through by a coder
    memos_added: int = 0
    corrections_added: dict[str, int] = field(default_factory=dict)  # coder -> label corrections
    reviews_added: int = 0  # customer reviews (ambassador / churn)
    synonyms_added: int = 0
    skipped: int = 0  # judgements on verbatims or customers this project does not have
    conflicts: list[MergeConflict] = field(default_factory=list)
    backup: str | None = None  # the project as it was before (None for a dry run)

    @property
    def added(self) -> int:
        return (len(self.codes_added) + sum(self.codings_added.values()) + self.reviewed_added + self.memos_added
                + sum(self.corrections_added.values()) + self.reviews_added + self.synonyms_added)

    @property
    def changed(self) -> bool:
        return self.added > 0 or bool(self.coders_added)


class _DryRun(Exception):
    def __init__(self, added: st.Added) -> None:
        self.added = added


def _same_batches(ours: dict[str, str], theirs: dict[str, str], other: Path) -> None:
    if set(ours) == set(theirs):
        return
    only_here = [n for s, n in ours.items() if s not in theirs]
    only_there = [n for s, n in theirs.items() if s not in ours]

    def names(xs: list[str]) -> str:
        return "、".join(xs[:5]) + (f" ほか {len(xs) - 5} 件" if len(xs) > 5 else "") if xs else "なし"

    raise MergeError(f"{other.name}: 取り込んだファイルが違うため統合できません（こちらだけ: {names(only_here)}／"
                     f"相手だけ: {names(only_there)}）。同じファイルを取り込んだコピー同士だけを統合できます")


def _changes(added: st.Added) -> bool:
    return bool(added.coders or added.codes or added.codings or added.reviewed or added.memos or added.corrections
                or added.reviews or added.synonyms)


def _add(project: Project, theirs: st.Judgements, name: str, *, dry_run: bool) -> st.Added:
    """Add ``theirs`` in one transaction (rolled back with ``dry_run``)."""
    conn = project.conn
    try:
        with stc.editing(conn, "別のコピーを統合", {"file": name}) as e:
            added = st.add(conn, e, theirs)
            if added.corrections:
                from voc_app.corrections import _settle as settle_labels
                from voc_app.store import corrections as stl

                for coder, rows in sorted(added.corrections.items()):
                    stl.record(conn, f"{name} から統合", coder, rows)
                settle_labels(conn, sorted({r[0] for rows in added.corrections.values() for r in rows}))
            if dry_run:
                raise _DryRun(added)
    except _DryRun as d:  # rolled back: nothing changed
        return d.added
    return added


def merge_projects(project: Project, other_path: str | Path, *, dry_run: bool = False,
                   progress: Progress | None = None) -> MergeReport:
    """Merge the copy ``other_path`` into ``project`` (see the module); returns what was (with
    ``dry_run``: would be) added and the conflicts."""
    tick = progress or (lambda f, m: None)
    other = Path(other_path)
    if not other.is_file():
        raise MergeError(f"{other}: ファイルが見つかりません")
    if other.resolve() == Path(project.path).resolve():
        raise MergeError(f"{other}: 統合先と同じファイルです")
    check_file(other)  # ProjectError: not a project of ours, or from a newer version
    tick(0.05, "相手のコピーを読んでいます")
    ro = snapshot_readonly(other)
    try:
        _same_batches(st.batch_files(project.conn), st.batch_files(ro), other)
        theirs = st.read(ro)
    finally:
        ro.close()
    report = MergeReport(str(project.path), str(other), dry_run)
    tick(0.4, "統合しています")
    added = _add(project, theirs, other.name, dry_run=True)  # what it would add, rolled back
    if not dry_run and _changes(added):
        from voc_app.backup import backup

        tick(0.6, "バックアップしています")
        report.backup = str(backup(project, "before-merge"))
        tick(0.8, "統合しています")
        added = _add(project, theirs, other.name, dry_run=False)
    report.coders_added = added.coders
    report.codes_added = added.codes
    report.codes_matched = added.codes_matched
    report.codings_added = added.codings
    report.reviewed_added = added.reviewed
    report.memos_added = added.memos
    report.corrections_added = {c: len(rows) for c, rows in added.corrections.items()}
    report.reviews_added = added.reviews
    report.synonyms_added = added.synonyms
    report.skipped = added.skipped + theirs.unkeyed
    report.conflicts = added.conflicts
    tick(1.0, "完了")
    return report
