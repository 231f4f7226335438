"""Module-level regexes compiled on first use: `deferred(source, flags)` in place of `re.compile(source, flags)`.

A `mtcheck detect` run imports some 180 module-level patterns and uses a third of them on a typical page; compiling
the others took about a tenth of a one-file run's CPU (re's parser is pure Python). A deferred pattern compiles
the first time one of its methods or attributes other than `pattern` is read, then keeps the compiled pattern's
bound methods as its own attributes, so later calls cost what a compiled pattern's do. The compiled pattern is the
one `re.compile(source, flags)` gives: every match is the same.

It is not a `re.Pattern` to `re`'s own functions: pass `.pattern` (or the object's methods) to them, not the object.
"""

from __future__ import annotations

import re
from typing import Any, cast

# The methods a compiled pattern is read through; each is kept as an instance attribute once compiled.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class Deferred:
    """A regex source and its flags, compiled the first time it is used (see the module's docstring)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern  # re.Pattern.pattern: the source, readable without compiling
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if not yet)."""
        if self._compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
        return self._compiled

    @property
    def is_compiled(self) -> bool:
        return self._compiled is not None

    def __getattr__(self, name: str) -> Any:
        # Reached only for what is not an instance attribute yet: a method before the first compile, or `flags`,
        # `groups`, `groupindex`.
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"deferred({self.pattern!r}, {self._flags})"


def deferred(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled on first use (typed as the pattern it stands for)."""
    return cast("re.Pattern[str]", Deferred(pattern, flags))
