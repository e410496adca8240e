"""Page anatomy: pure str -> str helpers that the course hook applies to every page."""
