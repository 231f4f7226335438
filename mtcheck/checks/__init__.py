"""Checks: one module per kind of finding (see base.py)."""

from mtcheck.checks.base import CHECKS, Check, CheckContext, load_checks, validate_checks

__all__ = ["CHECKS", "Check", "CheckContext", "load_checks", "validate_checks"]
