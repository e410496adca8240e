"""The course's term base and notation table (glossary.yml): reading and checking it, rendering its page per
language, and finding avoided wordings in lessons. Pure Python: nothing here imports MkDocs."""
