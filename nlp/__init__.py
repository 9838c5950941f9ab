"""Japanese text analysis for VoC Analyzer: pure functions, no Qt, no SQL."""
