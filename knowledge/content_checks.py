"""Checks on what the YAML says, not how it is linked: garbled umlauts and phone numbers
that cannot be dialled. Messages are written for the admin who edits the file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import phonenumbers
from phonenumbers import shortnumberinfo

from knowledge.yamlsource import Problem, YamlDocument

if TYPE_CHECKING:
    from knowledge.base import Knowledge

# UTF-8 read as Latin-1/Windows-1252: "für" becomes "fÃ¼r", "„" becomes "â€ž", "§" "Â§".
MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013-\u203a\u20ac\u2122]|â€|Â[\u00a0-\u00bf]")
# Fewest digits after the trunk 0 for a German landline, by the length of its area code
# (030 Berlin: 7-digit numbers; 0351 Dresden: at least 5; smaller towns: at least 3).
MIN_NATIONAL_DIGITS = {2: 9, 3: 8, 4: 7, 5: 7}


def _strings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, (*path, i))
    elif isinstance(data, str):
        yield path, data


def _repaired(word: str) -> str | None:
    for codec in ("cp1252", "latin-1"):
        try:
            return word.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return None


def mojibake_problems(doc: YamlDocument) -> list[Problem]:
    """Umlauts garbled by a wrong encoding ("fÃ¼r"): always an error, users would see it."""
    out: list[Problem] = []
    for loc, text in _strings(doc.data):
        match = MOJIBAKE.search(text)
        if match is None:
            continue
        start = text.rfind(" ", 0, match.start()) + 1
        end = text.find(" ", match.end())
        word = text[start : end if end != -1 else len(text)].strip(".,;:!?()\"'")
        fixed = _repaired(word)
        meant = f" (probably {fixed!r})" if fixed and fixed != word else ""
        out.append(Problem(
            doc.file, doc.line_of(loc), doc.name_of(loc),
            f"garbled characters in {word!r}{meant}: the text was saved in the wrong encoding. "
            "Retype the umlauts (ä, ö, ü, ß) and quotation marks and save the file as UTF-8.",
        ))
    return out


def phone_problem(number: str) -> str | None:
    """Why `number` cannot be a dialable German (or international) number, or None."""
    try:
        parsed = phonenumbers.parse(number, "DE")
    except phonenumbers.NumberParseException:
        return f"phone {number!r} is not a phone number; write it as on the source, e.g. \"0351 855-2223\""
    if shortnumberinfo.is_valid_short_number(parsed):
        return None  # 110, 112, 116 006 ...
    if not phonenumbers.is_valid_number(parsed):
        return (f"phone {number!r} is not a valid number (wrong length or area code); "
                "check every digit against the source")
    digits = len(str(parsed.national_number))
    area = phonenumbers.length_of_geographical_area_code(parsed)
    if parsed.country_code == 49 and area in MIN_NATIONAL_DIGITS and digits < MIN_NATIONAL_DIGITS[area]:
        return (f"phone {number!r} looks incomplete: a number with the area code 0{str(parsed.national_number)[:area]} "
                f"has at least {MIN_NATIONAL_DIGITS[area] - area} digits after it; check it against the source")
    return None


def contact_phone_problems(k: Knowledge) -> list[Problem]:
    doc = k.documents.get("contacts.yaml")
    out: list[Problem] = []
    for cid, contact in k.contacts.items():
        if contact.phone and (message := phone_problem(contact.phone)):
            loc = ("contacts", cid, "phone")
            out.append(Problem("contacts.yaml", doc.line_of(loc) if doc else None, doc.name_of(loc) if doc else "", message))
    return out


def content_problems(k: Knowledge, examples: bool = True) -> list[Problem]:
    out: list[Problem] = []
    for doc in (*k.documents.values(), *(k.examples.documents.values() if examples else ())):
        out += mojibake_problems(doc)
    return out + contact_phone_problems(k)
