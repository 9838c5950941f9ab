"""File readers and format detection for VoC Analyzer.

Pure code: no Qt, no SQL, no ``voc_app``. Readers yield plain records
(:mod:`importers.model`) and raise :class:`base.errors.InputError` with the
file, row and column for anything a user can get wrong.
"""

from base.errors import InputError
from importers.detect import Detection
from importers.model import (
    Interview,
    Message,
    ParsedFile,
    SurveyAnswer,
    SurveyResponse,
    Ticket,
    Utterance,
)
from importers.read import detect, read_file

__all__ = [
    "Detection",
    "InputError",
    "Interview",
    "Message",
    "ParsedFile",
    "SurveyAnswer",
    "SurveyResponse",
    "Ticket",
    "Utterance",
    "detect",
    "read_file",
]
