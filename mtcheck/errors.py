"""The only exceptions the CLI expects; each maps to exit code 2."""

from __future__ import annotations


class MtcheckError(Exception):
    """Base class: a clear one-line message for the user."""

    exit_code = 2


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
