"""`python -m mtcheck` runs the CLI."""

from mtcheck.cli import main

main()
