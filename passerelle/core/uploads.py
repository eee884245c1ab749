"""Checks for uploaded files: size before reading, type by extension *and* by content, and a
download response that no browser renders as a page.

A file is judged by its first bytes, not by the name or the Content-Type the browser sent:
an HTML page renamed ``letter.pdf`` is refused. Served files always go out as attachments of
a neutral type with a sandboxing policy, so even a file that slipped through never runs as
HTML or script on our origin.
"""
from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse
from django.utils.translation import gettext as _

# Extension → the signatures (first bytes) its files start with; b"" means "text, checked below".
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",), ".xlsx": (b"PK\x03\x04",), ".pptx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",), ".ods": (b"PK\x03\x04",),
    ".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
    ".csv": (b"",), ".txt": (b"",),
    # Reference files (BibTeX, RIS, CSL-JSON) are text.
    ".bib": (b"",), ".ris": (b"",), ".json": (b"",),
}
DOCUMENT_EXTENSIONS = (".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".png", ".jpg", ".jpeg")
# Markup that browsers would render or run, refused in any "text" upload.
MARKUP = (b"<html", b"<!doctype", b"<script", b"<svg", b"<iframe", b"<body", b"<?xml")


def extension_of(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def check_upload(upload: UploadedFile, *, extensions: Iterable[str] = DOCUMENT_EXTENSIONS,
                 max_bytes: int | None = None) -> None:
    """Raise ``ValidationError`` (a message for the form field) when ``upload`` is too large, has
    an extension outside ``extensions``, or content that does not match its extension."""
    max_bytes = max_bytes or settings.DOCUMENT_MAX_BYTES
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(_("The file is too large (at most %(size)s MB).")
                              % {"size": f"{max_bytes / (1024 * 1024):g}"})
    allowed = tuple(extensions)
    extension = extension_of(upload.name or "")
    if extension not in allowed:
        raise ValidationError(_("Only these kinds of file are accepted: %(kinds)s.")
                              % {"kinds": ", ".join(allowed)})
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    signatures = SIGNATURES.get(extension, ())
    not_its_kind = _("The content of this file is not a %(kind)s file.") % {"kind": extension[1:].upper()}
    if b"" in signatures:
        if b"\x00" in head:  # binary data (an image, a zip) renamed as text
            raise ValidationError(not_its_kind)
        if any(marker in head.lower() for marker in MARKUP):
            raise ValidationError(_("This file holds web page markup, which is not accepted."))
    elif not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(not_its_kind)


def attachment_response(file, filename: str) -> FileResponse:
    """Serve a stored upload as a download that browsers will not render or sniff."""
    response = FileResponse(file, as_attachment=True, filename=filename, content_type="application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
