"""Everything Qt. Calls voc_app operations; never writes SQL."""
