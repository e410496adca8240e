"""Editing checks for lesson sources: particles after formulas and English terms, glossary variants (pure Python)."""
