"""Who did what to whom: CAMEO/PLOVER coding, modality and event dates."""
