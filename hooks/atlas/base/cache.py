"""Results kept on disk between builds (the checks', the rendered pages'), content-addressed, so
that a build after one edit re-checks and re-renders only what changed.

A result is filed under the digest of the code version, the function and its arguments (the
files' texts themselves, the lists they are checked against, the languages): an input that
changes is another address, so a stale result can never be found, only missed. The code
version covers the atlas's code, the schemas, every installed package's version and Python's:
a new version starts an empty folder and the other versions' folders are removed.

Results are pickled: the folder is the build's own (`.cache/atlas`, kept by the publish
workflow with actions/cache from the same repository's builds), never something a reader or
a proposal supplies.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import io
import os
import pickle
import shutil
import sqlite3
import sys
import zlib
from pathlib import Path

from . import paths

CODE = Path(__file__).resolve().parents[2]  # hooks/: the atlas's code and its MkDocs adapter
MISSING = object()


@functools.cache
def code_version(code: Path = CODE, schemas: Path = paths.SCHEMA_DIR) -> str:
    """The digest of everything a result depends on besides its arguments."""
    digest = hashlib.sha256(sys.version.encode())
    for folder, pattern in ((code, "**/*.py"), (code, "**/*.yml"), (schemas, "**/*.json")):
        for path in sorted(folder.glob(pattern)):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    packages = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions())
    digest.update("\n".join(packages).encode())
    return digest.hexdigest()


def digest(value) -> str:
    """The digest of a value made of texts, bytes, numbers, lists, dicts, sets and dataclasses; TypeError for anything else."""
    found = hashlib.sha256()
    _feed(found, value)
    return found.hexdigest()


def folder_digest(folder: Path) -> str:
    """The digest of every file in `folder` (its name and its bytes): templates, for example."""
    found = hashlib.sha256()
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        _feed(found, (path.relative_to(folder).as_posix(), path.read_bytes()))
    return found.hexdigest()


PLAIN = (str, bytes, int, float, bool, type(None), tuple, list, dict)  # markupsafe's Markup is a str that says it is escaped


class _Digester(pickle.Pickler):
    """Writes a value as pickle does, at C speed, so that two values get the same bytes only if
    they are equal: a set's members in order (not in the order of this process's hash seed), a
    frozen dataclass (a record) by its digest, read once per build however many pages show it,
    and anything that is not plain data refused (a function: never a guess)."""

    def __init__(self, file, seen: dict | None):
        super().__init__(file, pickle.HIGHEST_PROTOCOL)
        self.fast = True  # no memo: a text shared by two fields is written twice, as two equal texts are
        self.seen = {} if seen is None else seen

    def persistent_id(self, value):
        if isinstance(value, PLAIN) or type(value) is type:  # a class: written by its name (Markup's)
            return None
        if isinstance(value, frozenset | set):
            return ("set", sorted(value))
        if (names := _field_names(type(value))) is None:
            raise TypeError(f"the cache cannot file an argument of type {type(value).__name__}")
        if not type(value).__dataclass_params__.frozen:
            return (type(value).__qualname__, tuple(getattr(value, name) for name in names))
        if (known := self.seen.get(id(value))) is None:  # kept with the record itself, so that its id stays its own
            known = self.seen[id(value)] = (value, _record_digest(value))
        return ("record", known[1])


def _feed(digest, value, seen: dict | None = None) -> None:
    """Feed `value` to `digest` (_Digester)."""
    buffer = io.BytesIO()
    try:
        _Digester(buffer, seen).dump(value)
    except pickle.PicklingError as error:
        raise TypeError(f"the cache cannot file {type(value).__name__}: {error}") from error
    digest.update(buffer.getvalue())


def _record_digest(record) -> bytes:
    """A record's digest from its pickle: every attribute, at C speed (a record is read ~5× faster
    than by _feed). Equal records pickle to the same bytes whatever objects they share (no memo)
    and whatever the hash seed (no set in a record), and two different ones never do."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo: a text shared by two fields is written twice, as two equal texts are
    try:
        pickler.dump(record)
        return hashlib.sha256(buffer.getvalue()).digest()
    except (pickle.PicklingError, TypeError, AttributeError) as error:  # a function in it: never a guess
        raise TypeError(f"the cache cannot file a {type(record).__name__}: {error}") from error


@functools.cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's fields (None for any other type), looked up once per type."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


_PARENTS_CONNECTIONS: list = []  # in a forked process: never closed, never used


class Store:
    """Results filed by the digest of what they were computed from, in one SQLite database per
    code version: a file per result cost a new file's creation each (about half a millisecond of
    CPU on the development machine's disk, 4 s for the 7,600 results of a cold build at N = 1,000);
    a database takes them in a few transactions. Results are written in batches (`flush`): another
    process finds them once written, and never reads half of one."""

    BATCH = 256  # results held before they are written

    def __init__(self, folder: Path, version: str | None = None):
        self.version = version or code_version()
        self.folder = Path(folder)
        self.path = self.folder / f"{self.version[:24]}.sqlite"
        self._pid: int | None = None  # the process the connection and the pending results belong to
        self._db: sqlite3.Connection | None = None
        self._pending: dict[str, bytes] = {}

    def address(self, function: str, args: tuple, seen: dict | None = None) -> str:
        """Where the result of `function` for `args` is filed; TypeError if an argument cannot be
        filed. `seen`: the records' digests, kept from one address to the next (_feed)."""
        digest = hashlib.sha256(self.version.encode())
        _feed(digest, (function, args), seen)
        return digest.hexdigest()

    def get(self, address: str):
        try:
            blob = self._own_pending().get(address)
            if blob is None:
                row = self._connection().execute("SELECT result FROM results WHERE address = ?", (address,)).fetchone()
                blob = row[0]
            return pickle.loads(zlib.decompress(blob))
        except Exception:  # noqa: BLE001 -- absent or unreadable (no database, a damaged result): computed again
            return MISSING

    def put(self, address: str, result) -> None:
        pending = self._own_pending()
        pending[address] = zlib.compress(pickle.dumps(result, pickle.HIGHEST_PROTOCOL), 1)
        if len(pending) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the pending results, in one transaction; a read-only or full disk keeps none."""
        pending, self._pending = self._own_pending(), {}
        if not pending:
            return
        try:
            with self._connection() as db:
                db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", pending.items())
        except (OSError, sqlite3.Error):  # the build goes on without keeping them
            pass

    def addresses(self) -> list[str]:
        """Every result's address (the tests mark what the cache holds)."""
        self.flush()
        return [row[0] for row in self._connection().execute("SELECT address FROM results")]

    def _own_pending(self) -> dict[str, bytes]:
        """This process's pending results: a process forked with some leaves them to its parent."""
        if self._pid != os.getpid():
            if self._db is not None:  # the parent's: SQLite forbids using it here, closing included
                _PARENTS_CONNECTIONS.append(self._db)
            self._pid, self._db, self._pending = os.getpid(), None, {}
        return self._pending

    def _connection(self) -> sqlite3.Connection:
        """This process's connection (a connection must not cross a fork); a damaged database is
        started again. sqlite3.Error or OSError if the database cannot be opened."""
        self._own_pending()
        if self._db is None:
            try:
                self._db = _open(self.path)
            except sqlite3.DatabaseError as error:
                if isinstance(error, sqlite3.OperationalError):  # locked, read-only, absent folder: not damaged
                    raise
                for path in _database_files(self.path):
                    path.unlink(missing_ok=True)
                self._db = _open(self.path)
        return self._db

    def remove_other_versions(self) -> None:
        """Results of another code version can never be found again: they only take room."""
        own = set(_database_files(self.path))
        for other in self.folder.iterdir() if self.folder.is_dir() else ():
            if other in own:
                continue
            if other.is_dir():
                shutil.rmtree(other, ignore_errors=True)
            else:
                other.unlink(missing_ok=True)


def _open(path: Path) -> sqlite3.Connection:
    """The database at `path`, created if absent. Write-ahead logging lets the processes of a
    parallel build read while one writes; a writer waits for another rather than fail."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=60)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")  # durable enough for a cache: a crash loses the last batch at most
    db.execute("CREATE TABLE IF NOT EXISTS results (address TEXT PRIMARY KEY, result BLOB NOT NULL) WITHOUT ROWID")
    return db


def _database_files(path: Path) -> list[Path]:
    """The database and its write-ahead log and shared memory."""
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
