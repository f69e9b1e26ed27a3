"""Reading the editors' folders: regular files only, never through a link, images that are images.

Everything in practices/ comes from pull requests. Git stores symbolic links, and a build
that followed one (`photo.png -> /home/runner/.ssh/id_rsa`) would publish whatever it points
at. So the core opens files without following links, refuses anything that is not a regular
file, and the site publishes the bytes the core checked, never a path it did not.
"""

from __future__ import annotations

import io
import os
import stat
import warnings
from pathlib import Path

from PIL import Image

from ..base.problems import Problem

# An image's suffix and the format its content must have (checked by Pillow, not by its name).
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}
IMAGE_SUFFIXES = tuple(IMAGE_FORMATS)
FORMAT_SUFFIX = {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp"}
MAX_IMAGE_BYTES = 2_000_000
MAX_IMAGE_SIDE = 6_000  # pixels; a guard against images that decompress into gigabytes
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)  # a FIFO must not block the build


def link_problem(path: Path, display: str) -> Problem | None:
    """A symbolic link, said as an editor can fix it."""
    if not path.is_symlink():
        return None
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    what = "folder" if display.endswith("/") else "file"
    return Problem(
        display,
        "",
        f"is a symbolic link (to {target!r}); the atlas reads only regular files inside a "
        f"practice's folder. Replace the link with the {what} itself",
        code="symbolic-link",
    )


def folder_entries(folder: Path, display: str) -> tuple[dict[str, Path], list[Problem]]:
    """The regular files of `folder` by name, and a problem for every other entry (links,
    folders, devices); hidden files (.DS_Store…) are not the atlas's and are left alone."""
    files: dict[str, Path] = {}
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        entry = f"{display}{path.name}"
        if (problem := link_problem(path, entry)) is not None:
            problems.append(problem)
        elif path.name.startswith("."):
            continue
        elif path.is_dir():
            problems.append(
                Problem(
                    entry + "/",
                    "",
                    "is a folder; a practice's folder holds only files (practice.yml, the "
                    "narratives and images). Move its files up or remove it",
                    code="practice-subfolder",
                )
            )
        elif not stat.S_ISREG(path.lstat().st_mode):
            problems.append(Problem(entry, "", "is not a regular file; replace it with the file itself", code="not-regular-file"))
        else:
            files[path.name] = path
    return files, problems


def read_bytes(path: Path, display: str, limit: int) -> tuple[bytes | None, list[Problem]]:
    """The content of a regular file of at most `limit` bytes, opened without following a link
    (so a link swapped in after the listing is refused too), or why it cannot be read."""
    try:
        descriptor = os.open(path, os.O_RDONLY | _NO_FOLLOW)
    except FileNotFoundError:
        return None, [Problem(display, "", "is missing; create it", code="file-missing")]
    except OSError as error:
        if path.is_symlink():
            return None, [link_problem(path, display)]
        return None, [
            Problem(display, "", f"cannot be read ({error.strerror}); check that it is a readable file", code="file-unreadable")
        ]
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            return None, [Problem(display, "", "is not a regular file; replace it with the file itself", code="not-regular-file")]
        if status.st_size > limit:
            return None, [
                Problem(
                    display,
                    "",
                    f"is {status.st_size:,} bytes; expected at most {limit:,}. "
                    + ("Make it smaller (1,600 pixels wide is plenty)" if limit == MAX_IMAGE_BYTES else "Split or shorten it"),
                    code="file-too-large",
                )
            ]
        return file.read(limit + 1), []


def image_problems(name: str, content: bytes, display: str) -> list[Problem]:
    """An image must be what its name says: a PNG, JPEG or WebP file that decodes whole."""
    expected = IMAGE_FORMATS[Path(name).suffix.lower()]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                found, size = image.format, image.size
                if max(size) > MAX_IMAGE_SIDE:
                    return [
                        Problem(
                            display,
                            "",
                            f"is {size[0]:,} × {size[1]:,} pixels; expected at most {MAX_IMAGE_SIDE:,} "
                            "on each side. Make it smaller (1,600 pixels wide is plenty)",
                            code="image-too-large",
                        )
                    ]
                image.load()  # decodes every pixel: a truncated or corrupt file fails here
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return [
            Problem(
                display,
                "",
                f"is too large once decoded; expected at most {MAX_IMAGE_SIDE:,} pixels on each side. "
                "Make it smaller (1,600 pixels wide is plenty)",
                code="image-too-large",
            )
        ]
    except Exception:  # Pillow raises many kinds of error for content that is not an image it can decode
        return [
            Problem(
                display,
                "",
                f"is not a {_format_name(expected)} image (its content is not a picture that can be "
                "read, or it is damaged); export it again as .png, .jpg or .webp",
                code="image-unreadable",
            )
        ]
    if found != expected:
        if found in FORMAT_SUFFIX:
            right = Path(name).stem + FORMAT_SUFFIX[found]
            return [
                Problem(
                    display,
                    "",
                    f"is a {_format_name(found)} image named {Path(name).suffix}; rename it {right} and show it by that name",
                    code="image-wrong-name",
                )
            ]
        return [
            Problem(
                display,
                "",
                f"is a {found} image; expected PNG, JPEG or WebP. Export it again as .png, .jpg or .webp",
                code="image-format",
            )
        ]
    return []


def _format_name(pillow_format: str) -> str:
    return {"WEBP": "WebP"}.get(pillow_format, pillow_format)


def links_leaving(folder: Path, root: Path) -> list[Problem]:
    """Symbolic links in `folder` (itself included) that lead outside the repository at
    `root`: the hand-written pages and the theme's files are published as they are."""
    root = root.resolve()
    candidates = [folder] + [Path(parent) / name for parent, dirs, files in os.walk(folder) for name in dirs + files]
    problems = []
    for path in candidates:
        if not path.is_symlink():
            continue
        display = _relative(path, root) + ("/" if path.is_dir() else "")
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            problems.append(
                Problem(display, "", "is a symbolic link that leads nowhere; replace it with the file itself or remove it")
            )
            continue
        if not target.is_relative_to(root):
            problems.append(
                Problem(
                    display,
                    "",
                    f"is a symbolic link to {str(target)!r}, outside the repository; the site "
                    "publishes only the repository's own files. Replace the link with the "
                    f"{'folder' if display.endswith('/') else 'file'} itself",
                )
            )
    return problems


def _relative(path: Path, root: Path) -> str:
    absolute = Path(os.path.abspath(path))
    return absolute.relative_to(root).as_posix() if absolute.is_relative_to(root) else str(path)
