"""The coursekit generator: an MkDocs plugin (plugin.py) that builds multilingual lesson series, with its libraries,
its theme, the new-course template and the checks of a built site (testing/)."""
