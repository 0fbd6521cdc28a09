"""Qualitative monitoring: canonical format, importers, analysis for the narrative pages."""
