"""From a raw input to an article: page text, structure, dateline, language."""
