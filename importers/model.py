"""Plain records that readers produce. No Qt, no SQL."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["survey", "support", "interview", "customers", "orders", "referrals"]
ROLES: tuple[str, ...] = ("id", "customer", "time", "nps", "score", "text", "choice", "attr", "ignore")


@dataclass(slots=True)
class SurveyAnswer:
    column: str  # column id as in the file's header
    question: str  # the question text (Qualtrics row 2, SurveyMonkey carried forward, or the header)
    text: str  # exactly as read


@dataclass(slots=True)
class SurveyResponse:
    row: int  # 1-based row number in the file as a spreadsheet shows it
    key: int  # hash of the raw row: equal keys = exact duplicate rows
    response_id: str | None
    customer_id: str | None
    submitted_at: str | None  # ISO 8601
    nps: int | None
    scores: dict[str, float]
    answers: list[SurveyAnswer]
    attributes: dict[str, str]
    partial: bool = False
    progress: int | None = None
    # hash of what the respondent said (customer, scores, answers, attributes), 0 when the
    # response identifies no one and says too little: equal non-zero signatures with
    # different keys = a duplicate submission
    signature: int = 0


@dataclass
class Message:
    key: str  # message id from the export, or a content hash
    author_role: Literal["customer", "agent", "unknown"]
    author_id: str | None
    body: str  # exactly as read
    created_at: str | None
    public: bool = True


@dataclass
class Ticket:
    row: int  # line (JSONL) or row (CSV) where the ticket starts
    key: int  # hash of the raw record: equal keys = exact duplicate lines
    ticket_id: str
    customer_id: str | None
    subject: str | None
    status: str | None
    priority: str | None
    channel: str | None
    type: str | None
    created_at: str | None
    updated_at: str | None
    solved_at: str | None
    tags: list[str] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)
    messages: list[Message] = field(default_factory=list)


@dataclass
class Utterance:
    line: int
    speaker: str | None
    text: str
    question: str | None  # the interviewer's last question, if any


@dataclass
class Interview:
    key: int  # hash of the whole file content
    title: str
    customer_id: str | None
    held_at: str | None
    utterances: list[Utterance]


Record = SurveyResponse | Ticket | Interview


@dataclass
class Column:
    index: int
    id: str  # header as written (Qualtrics: the column id of row 1)
    label: str  # what a person reads: question text where the format has it
    role: str = "ignore"
    reason: str = ""


@dataclass
class ReadStats:
    rows_read: int = 0  # data rows/lines seen (including blank ones)
    bytes_done: int = 0  # bytes of the file read so far (for progress)
    blank_rows: int = 0
    warnings: list[str] = field(default_factory=list)
    warning_count: int = 0

    def warn(self, text: str) -> None:
        self.warning_count += 1
        if len(self.warnings) < 50:
            self.warnings.append(text)


@dataclass
class ParsedFile:
    """A file opened for import: what it is, how it is mapped, and its records (a stream)."""

    path: str
    size: int
    sha256: str
    format: str
    kind: Kind
    confidence: float
    reason: str
    encoding: str | None
    columns: list[Column]
    preview: list[list[str]]
    records: Iterator[Record]
    stats: ReadStats
    skip_reasons: Counter = field(default_factory=Counter)

    @property
    def mapping(self) -> dict[str, str]:
        return {c.id: c.role for c in self.columns}
