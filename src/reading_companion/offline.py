"""The offline copy: a built site (with file:// links) packed into one zip."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

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


@dataclass
class OfflineBuild:
    """The same project built for file:// by a second process, running while this build goes on."""

    process: subprocess.Popen[bytes]
    folder: tempfile.TemporaryDirectory[str]
    errors: IO[bytes]

    @classmethod
    def start(cls, config_file: str, environment: dict[str, str]) -> OfflineBuild:
        tool = "properdocs" if "properdocs" in sys.modules else "mkdocs"
        folder = tempfile.TemporaryDirectory(prefix="companion-offline-")
        # A file, not a pipe: a chatty build must never block on a full one. Closed by finish() or cancel().
        errors = tempfile.TemporaryFile()  # noqa: SIM115
        command = [sys.executable, "-m", tool, "build", "-q", "-f", config_file, "-d", folder.name]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors,
                                   env={**os.environ, **environment})
        return cls(process, folder, errors)

    def finish(self, top: str) -> bytes:
        """The zipped copy; RuntimeError with the build's last messages if it failed."""
        try:
            if self.process.wait() != 0:
                self.errors.seek(0)
                raise RuntimeError(self.errors.read().decode("utf-8", "replace")[-2000:])
            return zip_site(Path(self.folder.name), top)
        finally:
            self._clean()

    def cancel(self) -> None:
        self.process.kill()
        self.process.wait()
        self._clean()

    def _clean(self) -> None:
        self.errors.close()
        self.folder.cleanup()
