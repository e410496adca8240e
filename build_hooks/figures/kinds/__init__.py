"""One module per figure kind; each exports `KIND` (see registry.py and README.md)."""
