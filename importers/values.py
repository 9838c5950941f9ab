"""Field values as users' exports write them: full-width digits, Excel dates, ids with stray spaces."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from functools import lru_cache

JST = dt.timezone(dt.timedelta(hours=9))  # default project time zone


def key64(*parts: str) -> int:
    """A stable signed 64-bit key for content-based dedup (fits SQLite INTEGER)."""
    h = hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=8)
    return int.from_bytes(h.digest(), "big", signed=True)


def clean_id(s: str | None) -> str | None:
    """Customer/ticket ids: NFKC (Ｋ000123 → K000123), trimmed; empty → None."""
    if s is None:
        return None
    s = str(s)
    s = s.strip() if s.isascii() else unicodedata.normalize("NFKC", s).strip()
    return s or None


_INT_RE = re.compile(r"^[+-]?\d+(?:\.0*)?$")


def parse_int(s: str | None) -> int | None:
    """'９' → 9, ' 10 ' → 10, '7.0' → 7; anything else → None."""
    if s is None:
        return None
    t = s.strip()
    if t.isdigit() and len(t) < 6:  # fast path; int() reads full-width digits (９) too
        try:
            return int(t)
        except ValueError:
            pass
    t = unicodedata.normalize("NFKC", t)
    if not t or not _INT_RE.match(t):
        return None
    return int(float(t))


def parse_float(s: str | None) -> float | None:
    if s is None:
        return None
    t = unicodedata.normalize("NFKC", s).strip().replace(",", "")
    if not t:
        return None
    try:
        v = float(t)
    except ValueError:
        return None
    return v if v == v and v not in (float("inf"), float("-inf")) else None


_DATE_FORMATS = (
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日 %H時%M分",
    "%Y年%m月%d日",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y",
    "%Y%m%d",
)

# the common shapes, parsed without strptime: 2025/3/3 8:13, 2025-03-03 08:13:00
_FAST_DATE_RE = re.compile(r"^\s*(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$")
_JP_AMPM = re.compile(r"(午前|午後)\s*(\d{1,2}):(\d{2})")
# fromisoformat and every format in _DATE_FORMATS (strptime's %Y is \d\d\d\d) need four digits in a row
_YEAR_RE = re.compile(r"\d{4}")


@lru_cache(maxsize=8)
def _offset(tz: dt.tzinfo) -> str:
    return dt.datetime(2000, 1, 1, tzinfo=tz).isoformat()[-6:]


@lru_cache(maxsize=65536)
def _fast_day(y: str, mo: str, d: str) -> str | None:
    """'2025', '3', '3' → '2025-03-03T'; None for a day that does not exist (2025/2/30)."""
    try:
        day = dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None
    return f"{day.isoformat()}T" if 1900 <= day.year <= 2200 else None


@lru_cache(maxsize=65536)
def _fast_clock(hh: str | None, mm: str | None, ss: str | None) -> str | None:
    h, m, s = int(hh or 0), int(mm or 0), int(ss or 0)
    return f"{h:02d}:{m:02d}:{s:02d}" if h < 24 and m < 60 and s < 60 else None


def parse_datetime(s: str | None, tz: dt.tzinfo = JST, source: dt.tzinfo | None = None) -> str | None:
    """Parse a timestamp as exports write it and return ISO 8601 in the project time zone.

    Naive times are taken to be in ``source`` (an export that says its times are UTC, or the
    time zone Qualtrics names) or else local (``tz``); times with an offset, and times in
    ``source``, are converted to ``tz``. Returns None when the value is not a recognisable date.
    """
    if s is None:
        return None
    m = _FAST_DATE_RE.match(s)
    if m:
        y, mo, d, hh, mm, ss = m.groups()
        day, clock = _fast_day(y, mo, d), _fast_clock(hh, mm, ss)
        if day is None or clock is None:
            return None
        if source is not None and source is not tz:
            local = dt.datetime.fromisoformat(day + clock).replace(tzinfo=source).astimezone(tz)
            return local.isoformat(timespec="seconds")
        return day + clock + _offset(tz)
    t = unicodedata.normalize("NFKC", s).strip()
    if not t or not _YEAR_RE.search(t):  # every shape below has a 4-digit year: skip 17 strptime calls
        return None
    m = _JP_AMPM.search(t)
    if m:
        hour = int(m.group(2)) % 12 + (12 if m.group(1) == "午後" else 0)
        t = t[: m.start()] + f"{hour}:{m.group(3)}" + t[m.end():]
    t = t.replace(" UTC", "+00:00")
    d: dt.datetime | None = None
    try:
        d = dt.datetime.fromisoformat(t)
    except ValueError:
        for fmt in _DATE_FORMATS:
            try:
                d = dt.datetime.strptime(t, fmt)
                break
            except ValueError:
                continue
    if d is None:
        return None
    if not (1900 <= d.year <= 2200):
        return None
    d = d.replace(tzinfo=source or tz).astimezone(tz) if d.tzinfo is None else d.astimezone(tz)
    return d.isoformat(timespec="seconds")


def parse_bool(s: str | None) -> bool | None:
    if s is None:
        return None
    t = unicodedata.normalize("NFKC", s).strip().lower()
    if t in ("true", "1", "yes", "y", "はい", "完了", "t"):
        return True
    if t in ("false", "0", "no", "n", "いいえ", "未完了", "f"):
        return False
    return None
