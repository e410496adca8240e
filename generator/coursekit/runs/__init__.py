"""Code that runs during the build: ```python {run} blocks, executed page by page in a fresh Python process.

blocks.py finds them, worker.py is the script that runs them (standard library only, beside the reader's numpy),
execute.py drives it with a time limit per block, cache.py keeps results by the code's content, script.py writes the
page's downloadable .py and html.py the printed output. The MkDocs adapter is coursekit/mkdocs/runs.py.
"""
