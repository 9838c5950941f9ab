"""What every layer shares: resource lookup, the user-facing error and cancel types and the progress
callback type. No Qt, no SQL, no import of ``nlp``, ``importers`` or ``voc_app``."""

from base.errors import Cancelled, InputError, UserError
from base.progress import Progress
from base.resources import resource_path, resources_dir, word_list

__all__ = ["Cancelled", "InputError", "Progress", "UserError", "resource_path", "resources_dir", "word_list"]
