"""Time expressions: recognition, normalisation against the article date, occasions."""
