"""The examples library without Qt: find the example scripts and read their docstring headers.

Every example is a plain PymoNNto-style script whose module docstring follows one layout::

    Title: <one line>

    <one-paragraph description>

    <optional further paragraphs (notes)>

    Try this in the studio:
    - <hint, usually "group.Behavior.parameter (default): what happens when you move it">
    - ...

    Expected (<n> iterations): <what the run shows>
        CHECK: <expression> in [lo, hi]

:func:`parse_header` turns such a docstring into an :class:`ExampleHeader`; :func:`discover_examples`
finds the scripts (see :func:`example_dirs` for where) and :func:`search` filters them by text.
Scripts written without this header still get a title (first docstring line, else the file name).
"""

from __future__ import annotations

import ast
import html
import os
import re
import site
import sysconfig
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Check",
    "Hint",
    "ExampleHeader",
    "Example",
    "parse_header",
    "parse_check",
    "example_dirs",
    "load_example",
    "discover_examples",
    "search",
    "head_html",
    "hints_html",
    "body_html",
    "SUBDIR",
]

#: Where a wheel installs the examples, relative to a data prefix (``pyproject.toml`` data-files).
SUBDIR = Path("share") / "mnn-studio" / "examples"

_HINTS_HEADING = re.compile(r"^try this in the studio\s*:\s*$", re.IGNORECASE)
_EXPECTED_HEADING = re.compile(r"^expected\b[^:]*:\s*(?P<rest>.*)$", re.IGNORECASE)
_CHECK = re.compile(r"^\s*CHECK:\s*(?P<expr>.+?)\s+in\s+\[(?P<lo>[^,\]]+),(?P<hi>[^\]]+)\]\s*$")
_BULLET = re.compile(r"^\s*[-*\u2022]\s+(?P<text>.*)$")
#: "exc.Brunel_Synapses.g and inh.Brunel_Synapses.g (5): ..." → target, default, rest
_HINT_TARGET = re.compile(
    r"^(?P<target>[A-Za-z_][\w.]*(?:\s+and\s+[A-Za-z_][\w.]*)*)\s*"
    r"(?:\((?P<default>[^)]*)\))?\s*:\s*(?P<rest>.*)$"
)


@dataclass(frozen=True)
class Check:
    """A documented number: ``expression`` evaluated after the run lies in ``[low, high]``."""

    expression: str
    low: float
    high: float


@dataclass(frozen=True)
class Hint:
    """One "Try this in the studio" line; ``target`` is the parameter path it names, if any."""

    text: str
    target: str | None = None
    default: str | None = None
    rest: str = ""


@dataclass
class ExampleHeader:
    """The parsed docstring header of an example."""

    title: str = ""
    description: str = ""
    notes: list[str] = field(default_factory=list)
    hints: list[Hint] = field(default_factory=list)
    expected: str = ""
    checks: list[Check] = field(default_factory=list)


@dataclass
class Example:
    """One example script: its path, parsed header and source text (``error`` if unreadable)."""

    path: Path
    header: ExampleHeader
    source: str = ""
    docstring: str = ""
    error: str = ""

    @property
    def name(self) -> str:
        """The file name (``lif_ei.py``)."""
        return self.path.name

    @property
    def title(self) -> str:
        """The header title, else the file stem."""
        return self.header.title or self.path.stem

    def text_blob(self) -> str:
        """Everything :func:`search` looks at except the code, lower-cased."""
        h = self.header
        parts = [h.title, self.path.name, h.description, *h.notes, *(x.text for x in h.hints), h.expected]
        return "\n".join(parts).lower()


# ------------------------------------------------------------------ parsing
def _paragraphs(lines: Iterable[str]) -> list[str]:
    """Unwrap blank-line separated paragraphs into single lines."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", "\n".join(lines)) if p.strip()]


def parse_check(line: str) -> Check | None:
    """``CHECK: expr in [lo, hi]`` → :class:`Check` (None if the line is not one or the bounds are
    not plain numbers)."""
    match = _CHECK.match(line)
    if not match:
        return None
    try:
        low, high = (float(ast.literal_eval(match[k].strip())) for k in ("lo", "hi"))
    except (ValueError, SyntaxError, TypeError):
        return None
    return Check(match["expr"].strip(), low, high)


def _parse_hints(lines: list[str]) -> list[Hint]:
    """Bulleted items (continuation lines joined); a blank line also ends an item."""
    items: list[list[str]] = [[]]
    for line in lines:
        bullet = _BULLET.match(line)
        if bullet or not line.strip():
            items.append([])
        if line.strip():
            items[-1].append(bullet["text"].strip() if bullet else line.strip())
    hints = []
    for text in (" ".join(parts) for parts in items if parts):
        m = _HINT_TARGET.match(text)
        hints.append(Hint(text, m["target"], m["default"], m["rest"]) if m else Hint(text))
    return hints


def parse_header(doc: str | None, fallback_title: str = "") -> ExampleHeader:
    """Parse an example docstring (see the module docstring for the layout).

    A docstring without ``Title:`` uses its first line as the title; one without the "Try this"
    heading has no hints; missing parts stay empty.
    """
    header = ExampleHeader(title=fallback_title)
    lines = (doc or "").strip().splitlines()
    if not lines:
        return header
    first = lines.pop(0).strip()
    header.title = first[6:].strip() if first.lower().startswith("title:") else first
    body, hint_lines, expected_lines = [], [], []  # type: list[str], list[str], list[str]
    target = body
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("CHECK:"):  # unparsable bounds are skipped, never shown as text
            check = parse_check(line)
            header.checks += [check] if check is not None else []
            continue
        if _HINTS_HEADING.match(stripped):
            target = hint_lines
            continue
        expected = _EXPECTED_HEADING.match(stripped) if not line[:1].isspace() else None
        if expected is not None and target is not expected_lines:
            target = expected_lines
            target.append(expected["rest"])
            continue
        target.append(line)
    paragraphs = _paragraphs(body)
    if paragraphs:
        header.description, header.notes = paragraphs[0], paragraphs[1:]
    header.hints = _parse_hints(hint_lines)
    header.expected = " ".join(_paragraphs(expected_lines))
    return header


def load_example(path: str | os.PathLike) -> Example:
    """Read one script and parse its header; problems are kept in ``Example.error``."""
    p = Path(path)
    try:
        source = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Example(p, ExampleHeader(title=p.stem), error=f"cannot read {p.name}: {exc}")
    try:
        doc = ast.get_docstring(ast.parse(source)) or ""
    except (SyntaxError, ValueError) as exc:
        return Example(p, ExampleHeader(title=p.stem), source, error=f"{p.name} does not parse: {exc}")
    return Example(p, parse_header(doc, p.stem), source, doc)


# ------------------------------------------------------------------ discovery
def example_dirs() -> list[Path]:
    """Folders that may hold examples, most specific first (existing ones only, no duplicates).

    1. ``$MNN_STUDIO_EXAMPLES``; 2. the repository's ``examples/`` (source checkout, editable
    install); 3. ``<prefix>/share/mnn-studio/examples`` where a wheel puts its data files — for the
    interpreter prefix, the install scheme's data path and the user base (``pip install --user``).
    """
    from studio.core import resources  # no Qt there either

    candidates = list(resources.examples_dirs())
    for base in (sysconfig.get_path("data"), getattr(site, "USER_BASE", None)):
        if base:
            candidates.append(Path(base) / SUBDIR)
    out: list[Path] = []
    for resolved in (c.expanduser().resolve() for c in candidates):
        if resolved.is_dir() and resolved not in out:
            out.append(resolved)
    return out


def _order(example: Example) -> tuple:
    """Seed tutorials first, then alphabetically by title."""
    return (not example.name.startswith("seed_"), example.title.lower(), example.name)


def discover_examples(
    dirs: Iterable[str | os.PathLike] | None = None, include_builtin: bool = True
) -> list[Example]:
    """Every ``*.py`` (not starting with ``_``) in the example folders; a file name found in an
    earlier folder hides later ones. Without any folder the studio's built-in seed copy is listed."""
    folders = [Path(d) for d in dirs] if dirs is not None else example_dirs()
    found: dict[str, Example] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.py")):
            if path.name.startswith("_") or path.name in found:
                continue
            found[path.name] = load_example(path)
    if not found and include_builtin:
        from studio.core import resources

        seed = resources.builtin_seed_script()
        if seed.is_file():
            found[seed.name] = load_example(seed)
    return sorted(found.values(), key=_order)


def search(examples: Iterable[Example], query: str) -> list[tuple[Example, str]]:
    """Examples containing every word of ``query`` (case-insensitive) in their title, text or code.

    Returns ``(example, where)`` pairs, best first: ``where`` is ``"title"`` when all words are in the
    title, ``"text"`` when all are in the header text, else ``"code"``. An empty query keeps all.
    """
    words = query.lower().split()
    ranked: list[tuple[int, int, Example, str]] = []
    for i, ex in enumerate(examples):
        title, text, code = f"{ex.title} {ex.name}".lower(), ex.text_blob(), ex.source.lower()
        if not all(w in text or w in code for w in words):
            continue
        rank = 0 if all(w in title for w in words) else 1 if all(w in text for w in words) else 2
        ranked.append((rank, i, ex, ("title", "text", "code")[rank] if words else ""))
    ranked.sort(key=lambda r: (r[0], r[1]))
    return [(ex, where) for _rank, _i, ex, where in ranked]


def hints_html(example: Example) -> str:
    """The "Try this" hints as Qt rich text: one row per hint, parameter paths in bold monospace."""
    rows = []
    for hint in example.header.hints:
        if hint.target:
            head = " and ".join(f"<b><code>{html.escape(t)}</code></b>" for t in hint.target.split(" and "))
            if hint.default:
                head += f" <span style='color:#6b7280'>(default {html.escape(hint.default)})</span>"
            body = f"{head}: {html.escape(hint.rest)}"
        else:
            body = html.escape(hint.text)
        rows.append(
            f"<tr><td style='padding-right:6px;color:#2f7bd8'>&#9656;</td>"
            f"<td style='padding-bottom:5px'>{body}</td></tr>"
        )
    return f"<table cellspacing='0' cellpadding='0'>{''.join(rows)}</table>"


def head_html(example: Example) -> str:
    """Title and file name as Qt rich text."""
    return (
        f"<div style='font-size:15px; font-weight:bold; color:#1f2937'>{html.escape(example.title)}</div>"
        f"<div style='color:#6b7280'>{html.escape(example.name)} &nbsp;·&nbsp; "
        f"{html.escape(str(example.path.parent))}</div>"
    )


def body_html(example: Example) -> str:
    """Description, notes and the expected result as Qt rich text (or the reading error)."""
    h = example.header
    if example.error:
        return f"<p style='color:#b71c1c'>{html.escape(example.error)}</p>"
    parts = [f"<p>{html.escape(h.description or '(this script has no description)')}</p>"]
    parts += [f"<p style='color:#4b5563'>{html.escape(note)}</p>" for note in h.notes]
    if h.expected:
        parts.append(f"<p style='color:#4b5563'><b>Expected:</b> {html.escape(h.expected)}</p>")
    return "".join(parts)
