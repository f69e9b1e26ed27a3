"""The site folder kept from one build to the next, so that a build after one edit writes only
the files that changed instead of every file of the site (most of a build's time on a slow disk).

Each build notes, per language, every file it wrote whose content it can name (a rendered page's
cache address, the digest of a data file's bytes) with the size and modification time the file
then had. The next build into the same folder leaves a file as it is when it would write the
same content and the file is still as noted; anything else is written. Once every language is
built, a file that this build neither wrote nor left as noted is removed (a deleted practice's
pages): the folder is then the one a clean build writes.

The notes are read, then removed, when a build starts, and written when a language's build has
succeeded: after a failed or stopped build, nothing is trusted and every file is written again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

NOTES = "site"  # of the cache's folder (paths.CACHE): one folder of notes per site folder


def content_id(content: str | bytes) -> str:
    """The name of a file's content, for content that has no address of its own."""
    return hashlib.sha256(content.encode() if isinstance(content, str) else content).hexdigest()


class SiteFolder:
    """The files of one site folder: what the last build wrote there, and what this one writes."""

    def __init__(self, cache: Path, site: Path):
        self.site = Path(site).resolve()
        self.notes = Path(cache) / NOTES / hashlib.sha256(str(self.site).encode()).hexdigest()[:16]
        self.before: dict[str, list] = {}  # path in the site -> [content, size, mtime_ns]: the last build's
        self.now: dict[str, list] = {}  # this build's, for the language being built
        self.started = 0  # the modification time of a file written as this build started

    def start(self) -> None:
        """At the start of a build: read the last build's notes, then remove them."""
        self.before, self.now = {}, {}
        for part in sorted(self.notes.glob("*.json")) if self.notes.is_dir() else ():
            self.before.update(_read(part))
            with contextlib.suppress(OSError):  # a read-only cache: its notes stay true of their files (checked)
                part.unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # a read-only cache: nothing new is noted (save)
            self.notes.mkdir(parents=True, exist_ok=True)
        self.started = _disk_now(self.notes)

    def unchanged(self, path: str, content: str) -> bool:
        """Whether the file at `path` (absolute) holds `content` already, as the last build left it."""
        name = self._name(path)
        noted = self.before.get(name)
        if noted is None or noted[0] != content or _entry(path, content) != noted:
            return False
        self.now[name] = noted
        return True

    def unchanged_folder(self, folder: Path, content: str) -> dict[str, list] | None:
        """The notes of every file of `folder` (a search bundle, written whole from `content`) if
        the last build wrote it from the same content and every file is as it left it; else None."""
        prefix = self._name(folder) + "/"
        noted = {name: entry for name, entry in self.before.items() if name.startswith(prefix)}
        if not noted or any(entry[0] != content or _entry(self.site / name, content) != entry for name, entry in noted.items()):
            return None
        return noted

    def noted_folder(self, folder: Path, content: str) -> dict[str, list]:
        """The notes of every file of `folder`, just written whole from `content` (unchanged_folder)."""
        return {self._name(path): _entry(path, content) for path in Path(folder).rglob("*") if path.is_file()}

    def wrote(self, path: str, content: str) -> None:
        """`path` (absolute) now holds `content`."""
        if (entry := _entry(path, content)) is not None:
            self.now[self._name(path)] = entry

    def save(self, part: str, notes: dict[str, list] | None = None) -> None:
        """Once `part` (a language, a language's search bundles) is built: its notes, for the next
        build; by default, those of the files noted since the last save (unchanged, wrote)."""
        if notes is None:
            notes, self.now = self.now, {}
        try:
            with tempfile.NamedTemporaryFile("w", dir=self.notes, suffix=".tmp", delete=False, encoding="utf-8") as file:
                json.dump(notes, file)
            os.replace(file.name, self.notes / f"{part}.json")
        except OSError:  # a read-only disk: the next build writes every file
            pass

    def remove_stale(self) -> list[str]:
        """Once every language is built: remove what this build neither wrote nor kept; the paths removed."""
        saved = [part for part in self.notes.glob("*.json") if part.stat().st_mtime_ns >= self.started]  # by this build
        kept = {name for part in saved for name in _read(part)}
        removed, visited = [], []
        for folder, folders, names in os.walk(self.site):
            if folder == str(self.site):  # as MkDocs cleans it: what starts with a dot is not the build's (.git…)
                folders[:] = [name for name in folders if not name.startswith(".")]
                names = [name for name in names if not name.startswith(".")]
            else:
                visited.append(folder)
            for name in names:
                path = os.path.join(folder, name)
                if os.lstat(path).st_mtime_ns < self.started and self._name(path) not in kept:
                    os.unlink(path)
                    removed.append(path)
        for folder in reversed(visited):  # the folders left empty, the deepest first
            if not os.listdir(folder):
                os.rmdir(folder)
        return removed

    def _name(self, path: str | Path) -> str:
        return os.path.relpath(path, self.site).replace(os.sep, "/")


def _read(notes: Path) -> dict[str, list]:
    try:
        return json.loads(notes.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # unreadable: its files are written again
        return {}


def _entry(path: str | Path, content: str) -> list | None:
    """A file's note: its content's name, its size and modification time (None: no such file)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return [content, found.st_size, found.st_mtime_ns]


def _disk_now(folder: Path) -> int:
    """Now, by the clock that dates the files (Python's may be a tick ahead of it)."""
    for where in (folder, None):  # None: the system's temporary folder, when the cache is read-only
        try:
            with tempfile.TemporaryFile(dir=where) as clock:
                return os.fstat(clock.fileno()).st_mtime_ns
        except OSError:
            continue
    raise OSError("no folder to write a temporary file in")
