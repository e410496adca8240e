"""A question's version: a short hash of what a reader answers (prompt, choices, answer), so an edit that changes
the question makes earlier answers stop counting, and anything else (an explanation, a typo elsewhere) keeps them.

The text hashed is the primary language's: readers' answers are shared across languages, and every language
version must agree on the choice count and the correct answers (checked by the catalog), so a translation being
polished never resets anyone's answers.
"""

from __future__ import annotations

import hashlib
import json

from .parse import Question


def version_of(question: Question) -> str:
    data = {
        "prompt": question.prompt.strip(),
        "choices": [[c.text.strip(), c.correct] for c in question.choices],
        "multiple": question.multiple,
        "answer": question.answer,
        "tolerance": question.tolerance,
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
