"""Who said what: quote marks, attribution readings, speakers and the trained choosers."""
