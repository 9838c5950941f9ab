"""VoC Analyzer application: the project store, the pipeline, the CLI and the GUI."""

__version__ = "0.1.0"
