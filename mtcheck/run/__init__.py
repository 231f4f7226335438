"""One run over many inputs: options, config files, baselines, reports on disk."""
