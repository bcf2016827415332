"""Places: the gazetteer, entity correction and toponyms with coordinates."""
