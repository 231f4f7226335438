"""The only exceptions the CLI expects; each maps to exit code 2."""

from __future__ import annotations


class MtcheckError(Exception):
    """Base class: a clear one-line message for the user.

    `setting` names the Settings field or run option at fault (e.g. "batch_size"), so that each
    front end can point at its own spelling of it (the CLI adds the flag); library messages never
    name command-line flags.
    """

    exit_code = 2

    def __init__(self, message: str, *, setting: str | None = None, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.setting = setting
        self.suggestion = suggestion  # a value of `setting` that would work (the CLI shows it as a flag)


class UsageError(MtcheckError):
    """Wrong options or arguments."""


class ConfigError(MtcheckError):
    """An invalid configuration file or value."""


class InputError(MtcheckError):
    """An input document cannot be read or is not usable."""


class ModelError(MtcheckError):
    """A translation model is missing, cannot be loaded or fails."""


class EngineError(ModelError):
    """A translation engine is not available or failed."""


class TranslationError(EngineError):
    """The engine failed on one document's text: that document fails, the run goes on."""


class PairUnavailable(EngineError):
    """The engine has no way to translate one document's language pair: that document fails, the run goes on."""
