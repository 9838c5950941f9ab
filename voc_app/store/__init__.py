"""The project store: one SQLite file per project. The only package that writes SQL."""

from voc_app.store.db import Project, ProjectError, transaction

__all__ = ["Project", "ProjectError", "transaction"]
