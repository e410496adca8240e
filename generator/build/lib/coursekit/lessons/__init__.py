"""Lessons as data: front matter schema, cross-language catalog checks, reading time, navigation."""
