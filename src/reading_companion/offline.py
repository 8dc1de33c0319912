"""The offline copy: a built site (with file:// links) packed into one zip."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

SHIM = "assets/vendor/iframe-worker/shim.js"
"""Material's search worker cannot start from file://; this shim (npm iframe-worker 1.0.4, MIT) runs it in an
iframe. Served from the site itself, not from a CDN, so the copy works offline and asks no third party."""
ZIP = "downloads/companion-offline.zip"


def zip_site(folder: Path, top: str) -> bytes:
    """The folder's files under `top/`, with fixed timestamps so the same site gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", date_time=(2019, 11, 26, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()
