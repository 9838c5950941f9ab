"""The error types a person sees: their message is shown as it is, without a traceback."""

from __future__ import annotations


class UserError(Exception):
    """Something the user asked for cannot be done; ``str(error)`` says why, for a person."""

    def describe(self) -> str:
        return str(self)


class InputError(UserError):
    """Bad input, described for a person: which file, row and column, and what to do.

    ``row`` is 1-based as a spreadsheet shows it (the header is row 1 in a CSV);
    for JSON Lines it is the line number.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.row = row
        self.column = column
        self.hint = hint
        super().__init__(self.describe())

    def describe(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.row is not None:
            where.append(f"{self.row} 行目")
        if self.column:
            where.append(f"列「{self.column}」")
        text = (": ".join([", ".join(where), self.message]) if where else self.message)
        if self.hint:
            text += f" — {self.hint}"
        return text

    def with_file(self, file: str) -> InputError:
        if self.file is None:
            self.file = file
            self.args = (self.describe(),)
        return self


class Cancelled(Exception):
    """Raised from a progress callback to stop work; the caller rolls back."""
