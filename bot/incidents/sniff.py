"""Which evidence files are accepted: the type comes from the bytes, not from the name."""

from __future__ import annotations

from dataclasses import dataclass

TEXT_SAMPLE = 64 * 1024


@dataclass(frozen=True)
class Verdict:
    ok: bool
    mime_type: str = ""
    reason: str = ""  # "empty", "too_big", "wrong_type", "mismatch"


def sniff(data: bytes) -> str | None:
    """The MIME type the first bytes prove, or None for anything not accepted."""
    head = data[:16]
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"hevc"):
            return "image/heic"
        if brand in (b"M4A ", b"M4B "):
            return "audio/mp4"
        return None
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    if head.startswith(b"OggS"):
        return "audio/ogg"
    if head.startswith(b"fLaC"):
        return "audio/flac"
    if head.startswith(b"#!AMR"):
        return "audio/amr"
    if _is_text(data):
        return "text/plain"
    return None


def _is_text(data: bytes) -> bool:
    sample = data[:TEXT_SAMPLE]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut off by the sample is still text.
        if exc.start < len(sample) - 3:
            return False
    return True


def _family(mime: str) -> str:
    return mime.split("/", 1)[0] if mime.startswith(("image/", "audio/", "text/")) else mime


def check(data: bytes, claimed_mime: str, max_bytes: int) -> Verdict:
    """Accept or refuse an upload; a claimed type contradicting the bytes is refused."""
    if not data:
        return Verdict(False, reason="empty")
    if len(data) > max_bytes:
        return Verdict(False, reason="too_big")
    found = sniff(data)
    if found is None:
        return Verdict(False, reason="wrong_type")
    claimed = (claimed_mime or "").split(";", 1)[0].strip().lower()
    if found == "text/plain" and not claimed.startswith("text/"):
        # Any byte soup that happens to be UTF-8 is text; only take it when announced as text.
        return Verdict(False, reason="wrong_type")
    if claimed not in ("", "application/octet-stream") and _family(claimed) != _family(found):
        return Verdict(False, reason="mismatch")
    return Verdict(True, mime_type=found)
