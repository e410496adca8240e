"""Code that runs during the build: ```python {run} blocks, executed page by page in a fresh Python process.

blocks.py finds them, worker.py is the script that runs them (standard library only, beside the reader's numpy),
execute.py drives it with a time limit per block, cache.py keeps results by the code's content, script.py writes the
page's downloadable .py and html.py the printed output. The MkDocs adapter is coursekit/mkdocs/runs.py.

Why not markdown-exec (which runs fenced code in MkDocs and Zensical): it executes blocks while Markdown is converted,
inside the MkDocs process, which is after this plugin computes figures (on_files), so a figure could not plot what a
page's code computed without a second run. Its cache (opt-in, recent versions) keys a block by that block's own code,
though in a session a block's output depends on every block before it; it has no time limit (code in the build's own
process cannot be stopped); and a failing block is a multi-line warning with the error rendered into the page, not a
one-line build failure. What it would add, a session shared by name across blocks, is a dict here.
"""
