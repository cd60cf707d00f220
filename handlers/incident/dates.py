"""Understands when something happened: "heute", "gestern 22 Uhr", "12.03.", "2. Februar",
"vor 2 Tagen", "vor 2 Stunden".

Pure and local to Europe/Berlin. Returns None when unsure, so the flow can ask back
instead of recording a guess; dates in the future are never accepted.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
NUMBER_WORDS = {
    "einem": 1, "einer": 1, "eins": 1, "ein": 1, "one": 1, "a": 1, "an": 1,
    "zwei": 2, "two": 2, "drei": 3, "three": 3, "vier": 4, "four": 4, "fünf": 5, "fuenf": 5,
    "five": 5, "sechs": 6, "six": 6, "sieben": 7, "seven": 7,
}
DAY_WORDS = {"vorgestern": 2, "gestern": 1, "heute": 0, "day before yesterday": 2, "yesterday": 1, "today": 0}
DE_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?![\d])")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
MONTHS = {
    "januar": 1, "jan": 1, "january": 1, "jänner": 1, "februar": 2, "feb": 2, "february": 2, "märz": 3, "maerz": 3,
    "marz": 3, "mär": 3, "mrz": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5, "may": 5, "juni": 6,
    "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
    "december": 12, "dec": 12,
}
_MONTH = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
# "2. Februar 2026", "am 2 feb", "2nd of February", "February 2nd, 2026", "Feb 2"
MONTH_DATE = re.compile(
    rf"\b(\d{{1,2}})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?(?:\s+(\d{{4}}))?\b"
    rf"|\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s+(\d{{4}}))?")
AGO_DE = re.compile(r"\bvor\s+(\d+|\w+)\s+(tag|tagen|woche|wochen)\b")
AGO_EN = re.compile(r"\b(\d+|\w+)\s+(day|days|week|weeks)\s+ago\b")
# Hours or minutes ago ("vor 2 Stunden", "today like 2h ago", "half an hour ago"): a moment,
# not "2h" as two o'clock.
HOURS_AGO = re.compile(
    r"\bvor\s+(?:(\d+|\w+)\s*(stunden|stunde|std|h|minuten|minute|min)|(einer halben|einer viertel) (stunde))\b"
    r"|\b(?:(\d+|\w+)\s*(hours|hour|hrs|hr|h|minutes|minute|mins|min)|(half an|a quarter of an) (hour))\s+ago\b")
# "16:50", "16.50", "7:40 pm", "7.40 abends"; not the date "11.11."
TIME_HM = re.compile(r"\b(\d{1,2})(?::|\.(?!\d{1,2}\.))(\d{2})\b(?:\s*(am|pm|a\.m\.|p\.m\.|uhr abends|abends|nachmittags|uhr nachts|nachts))?")
_AFTERNOON = ("pm", "p.m.", "abends", "uhr abends", "nachmittags")
# Of several dates ("erstmals 14.10., zuletzt 11.11. um 16:50"), the one said to be the latest.
LATEST = re.compile(r"\b(?:zuletzt|letztmals|zuletzt am|das letzte mal|last|latest|most recently|lastly)\b\W*(?:am\s+|on\s+)?$")
TIME_H = re.compile(r"\b(\d{1,2})\s*(uhr abends|uhr nachmittags|uhr|h|am|pm|abends|nachmittags)\b")
# "letzten Samstag", "am Samstag", "last saturday", "on sat": the latest such day, today only
# when it is today and not "last" ("letzten samstag 21 uhr" had been kept as today)
WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
    "sonntag": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5, "so": 6, "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5,
    "sun": 6,
}
_LONG_DAYS = "|".join(sorted((w for w in WEEKDAYS if len(w) > 3), key=len, reverse=True))
_SHORT_DAYS = "|".join(w for w in WEEKDAYS if len(w) <= 3)
WEEKDAY = re.compile(rf"\b(?:(letzten|letzte|vergangenen|vorigen|last|past)\s+)?(?:(?:am|on)\s+)?({_LONG_DAYS})s?\b"
                     # a short day only after "am"/"on"/"last" ("am sa", "last sat"): "so" and "do" are words
                     rf"|\b(letzten|letzte|last|am|on)\s+({_SHORT_DAYS})\.?\b")


@dataclass(frozen=True)
class When:
    date: dt.date
    time: dt.time | None = None

    def to_json(self) -> dict[str, str | None]:
        return {"date": self.date.isoformat(), "time": self.time.strftime("%H:%M") if self.time else None}

    @classmethod
    def from_json(cls, data: dict[str, str | None]) -> When:
        time = dt.time.fromisoformat(data["time"]) if data.get("time") else None
        return cls(dt.date.fromisoformat(str(data["date"])), time)

    def label(self, lang: str) -> str:
        if lang == "en":
            day = self.date.strftime("%d %b %Y").lstrip("0")
            return f"{day}, {self.time:%H:%M}" if self.time else day
        day = self.date.strftime("%d.%m.%Y")
        return f"{day}, {self.time:%H:%M} Uhr" if self.time else day


def local_today(now: dt.datetime) -> dt.datetime:
    return now.astimezone(BERLIN)


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _date_part(text: str, today: dt.date) -> tuple[dt.date | None, str, bool]:
    """(date, text without the date, whether a date was mentioned at all)."""
    if match := ISO_DATE.search(text):
        y, m, d = (int(g) for g in match.groups())
        return _safe_date(y, m, d), text.replace(match.group(0), " "), True
    if matches := list(DE_DATE.finditer(text)):
        match = next((m for m in matches if LATEST.search(text[:m.start()])), matches[0])
        found = _year_back(int(match.group(1)), int(match.group(2)), match.group(3), today)
        return found, DE_DATE.sub(" ", text), True
    if match := MONTH_DATE.search(text):
        day, month, year = (match.group(1), match.group(2), match.group(3)) if match.group(1) \
            else (match.group(5), match.group(4), match.group(6))
        return _year_back(int(day), MONTHS[month], year, today), text.replace(match.group(0), " "), True
    for pattern, scale in ((AGO_DE, None), (AGO_EN, None)):
        if match := pattern.search(text):
            n = _count(match.group(1))
            if n is None:
                return None, text, True
            days = n * (7 if match.group(2).startswith(("woche", "week")) else 1)
            return today - dt.timedelta(days=days), text.replace(match.group(0), " "), True
    for word, back in DAY_WORDS.items():
        if re.search(rf"\b{word}\b", text):
            return today - dt.timedelta(days=back), text.replace(word, " "), True
    if match := WEEKDAY.search(text):
        last, day = (match.group(1), match.group(2)) if match.group(2) else (match.group(3), match.group(4))
        back = (today.weekday() - WEEKDAYS[day]) % 7
        if back == 0 and last in ("letzten", "letzte", "vergangenen", "vorigen", "last", "past"):
            back = 7
        return today - dt.timedelta(days=back), text.replace(match.group(0), " "), True
    return None, text, False


def _year_back(d: int, m: int, year_text: str | None, today: dt.date) -> dt.date | None:
    """The date of day and month in the year given, or else the latest one not after today."""
    if year_text:
        return _safe_date(int(year_text) + (2000 if len(year_text) == 2 else 0), m, d)
    found = _safe_date(today.year, m, d)
    if found is not None and found > today:
        found = _safe_date(today.year - 1, m, d)
    return found


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    if not (1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]) or y < 1900:
        return None
    return dt.date(y, m, d)


def _time_part(text: str) -> tuple[dt.time | None, bool]:
    if match := TIME_HM.search(text):
        h, m, part = int(match.group(1)), int(match.group(2)), match.group(3)
        if part in ("am", "a.m.", "pm", "p.m.") and not 1 <= h <= 12:
            return None, True
        if part in ("am", "a.m.") and h == 12:
            h = 0
        elif part in _AFTERNOON and h < 12:
            h += 12  # "today 7:40 pm" had been kept as 07:40 in the record
        return (dt.time(h, m) if h < 24 and m < 60 else None), True
    if match := TIME_H.search(text):
        h, suffix = int(match.group(1)), match.group(2)
        if suffix in ("am", "pm"):
            if not 1 <= h <= 12:
                return None, True
            h = h % 12 + (12 if suffix == "pm" else 0)
        elif suffix in _AFTERNOON and 1 <= h < 12:  # "gegen 9 abends"
            h += 12
        return (dt.time(h, 0) if h < 24 else None), True
    return None, False


def _ago(match: re.Match[str]) -> dt.timedelta | None:
    """The span of a HOURS_AGO match, None for a count it cannot read."""
    groups = match.groups()
    count, unit, part, part_unit = (groups[0:4] if match.group(2) or match.group(4) else groups[4:8])
    if part is not None:  # "vor einer halben Stunde", "a quarter of an hour ago"
        return dt.timedelta(minutes=30 if ("halb" in part or "half" in part) else 15)
    n = _count(count or "")
    if n is None:
        return None
    return dt.timedelta(hours=n) if unit.startswith(("st", "h")) else dt.timedelta(minutes=n)


# A span's start is when it happened: "08.03. 22 Uhr bis 09.03. 6:30 Uhr" (a clerk's record had kept
# 06:30), "zwischen 1 und 6 Uhr", "between 1 and 6 am".
_BETWEEN = re.compile(r"\b(?:zwischen|between) (\d{1,2}(?:[:.]\d{2})?) (?:und|and) \d{1,2}(?:[:.]\d{2})?(\s*(?:uhr|am|pm|h))?")
_UNTIL = re.compile(r"\s(?:bis|until|till|to|–|-)\s+(?=\d)")
_HOURS = re.compile(r"\b(\d{1,2}(?:[:.]\d{2})?)\s*[-–]\s*\d{1,2}(?:[:.]\d{2})?(\s*(?:uhr|am|pm|h))\b")  # "14-16 uhr"


def _span_start(cleaned: str) -> str:
    cleaned = _BETWEEN.sub(lambda m: m.group(1) + (m.group(2) or ""), cleaned)
    cleaned = _HOURS.sub(lambda m: m.group(1) + m.group(2), cleaned)
    return _UNTIL.split(cleaned, maxsplit=1)[0]


def parse_when(text: str, now: dt.datetime) -> When | None:
    """The date (and time, if given) of `text`, or None if unclear or in the future; of a span,
    its start."""
    local = local_today(now)
    cleaned = " ".join(text.casefold().replace(",", " ").split())
    if (start := _span_start(cleaned)) != cleaned and (parse_when(start, now) if start.strip() else None) is not None:
        cleaned = start
    if match := HOURS_AGO.search(cleaned):
        span = _ago(match)
        if span is None or span > dt.timedelta(days=2):
            return None
        moment = local - span
        clock, _ = _time_part(cleaned.replace(match.group(0), " "))
        if clock is not None:  # "like 20 mins ago, around 11pm": the clock the writer read
            day = moment.date() if clock <= local.time() else moment.date() - dt.timedelta(days=1)
            return When(day, clock)
        return When(moment.date(), dt.time(moment.hour, moment.minute))
    date, rest, date_mentioned = _date_part(cleaned, local.date())
    time, time_mentioned = _time_part(rest)
    if (date_mentioned and date is None) or (time_mentioned and time is None):
        return None
    if date is None:
        if time is None:
            return None
        date = local.date()  # "22 Uhr" alone means today
    if date > local.date() or (date == local.date() and time is not None and time > local.time()):
        return None
    return When(date, time)


# Said in passing ("gestern nacht auf dem hof"): only a day relative to today counts; a
# bare date in another answer may be anything ("Bürgermeister seit 12.03.2019").
RELATIVE_DAY = re.compile(
    r"\b(?:heute|gestern|vorgestern|today|yesterday)\b|" + AGO_DE.pattern + "|" + AGO_EN.pattern + "|" + HOURS_AGO.pattern
)


def when_in_passing(text: str, now: dt.datetime) -> When | None:
    """The day an answer to another question names in passing, if it names one relative to today."""
    return parse_when(text, now) if RELATIVE_DAY.search(text.casefold()) else None


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day number `months` later, or the month's last day (how § 77b StGB counts)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
