"""Things inside segment text that must survive translation as they are: links, placeholders, markup."""

from __future__ import annotations

import re
from functools import lru_cache

from mtcheck.read.units import CODE_BASE, CODE_LIMIT

URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"'）)\]】」、，。\uE000-\uF7FF]+", re.IGNORECASE)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# printf (%s %d %1$s %.2f %-5d; not "50% of", not "%d" glued to a word), Python named (%(name)s),
# ICU / .NET / Python format ({name} {0} {n, plural, ...}), template variables (${var} {{var}}), Objective-C %@.
PLACEHOLDER = re.compile(
    r"%\([A-Za-z_][\w.-]*\)[-+ 0#]*\d*(?:\.\d+)?[sdifuxXeEgGcr]"
    r"|(?<![\d%])%(?:\d+\$)?[-+0#]*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|L|z|j|t)?[sdifuxXeEgGcpo@](?![A-Za-z])"
    r"|\$\{[A-Za-z_][\w.]*\}"
    r"|\{\{\s*[A-Za-z_][\w.]*\s*\}\}"
    r"|\{[A-Za-z_0-9][\w.]*(?:\s*,\s*[a-z]+)?(?=[,}])(?:\}|,[^{}]*(?:\{[^{}]*\}[^{}]*)*\})"
)
# Literal markup in plain-text formats (TSV, CSV): <b>, </a>, <br/>.
MARKUP = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>")
_CODES = re.compile(f"[{chr(CODE_BASE)}-{chr(CODE_BASE + CODE_LIMIT - 1)}]")
_TRAILING = ".,;:!?)'\"»”’"


def urls(text: str) -> list[tuple[int, int, str]]:
    """URLs and e-mail addresses with their spans (trailing sentence punctuation left out)."""
    found = []
    for pattern in (URL, EMAIL):
        for m in pattern.finditer(text):
            value = m.group().rstrip(_TRAILING)
            found.append((m.start(), m.start() + len(value), value))
    return sorted(found)


def placeholder_name(token: str) -> str:
    """What identifies a placeholder: '{count, plural, ...}' -> '{count}', '%1$s' stays."""
    if token.startswith("{") and not token.startswith("{{"):
        return "{" + re.split(r"[,}\s]", token[1:], maxsplit=1)[0] + "}"
    return token


def placeholders(text: str) -> list[tuple[int, int, str]]:
    """Placeholders and literal markup tags with their spans."""
    found = [(m.start(), m.end(), placeholder_name(m.group())) for m in PLACEHOLDER.finditer(text)]
    found += [(m.start(), m.end(), m.group()) for m in MARKUP.finditer(text)]
    return sorted(found)


_MASKED = re.compile("|".join(f"(?:{p.pattern})" for p in (URL, EMAIL, PLACEHOLDER, MARKUP, _CODES)), re.IGNORECASE)
_MAYBE = re.compile(r"[%{$<@/\uE000-\uF7FF]|www\.", re.IGNORECASE)


@lru_cache(maxsize=65536)
def mask(text: str) -> str:
    """text with links, placeholders, markup and inline codes blanked out (same length, same offsets)."""
    if not _MAYBE.search(text):
        return text
    return _MASKED.sub(lambda m: " " * (m.end() - m.start()), text)
