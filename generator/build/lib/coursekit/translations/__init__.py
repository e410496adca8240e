"""Translation freshness: which version of its primary-language source each translated page was made from.

The record lives in translations.yml at the repository root, written only by
`python -m coursekit.translations record <translated file>…` (run after updating a translation);
`python -m coursekit.translations check` lists the translations whose source has changed since and exits 1.
Pure Python: nothing here imports MkDocs.
"""
