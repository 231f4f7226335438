"""Translation engines behind one small protocol (see base.py)."""

from mtcheck.engines.base import ENGINES, Engine, create_engine, validate_engine

__all__ = ["ENGINES", "Engine", "create_engine", "validate_engine"]
