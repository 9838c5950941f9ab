"""Every reader, fuzzed through the real import (bench/fuzz_importers.py runs 10,000+ per reader)."""

import pytest

from tests.fuzz_harness import READERS, fuzz_reader


@pytest.mark.parametrize("reader", sorted(READERS))
def test_reader_fuzz(tmp_path, reader):
    stats = fuzz_reader(reader, tmp_path, examples=150, seed=1)
    assert stats["imported"] + stats["input_error"] >= 100
