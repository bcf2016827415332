"""What leaves the store: exports and reports."""
