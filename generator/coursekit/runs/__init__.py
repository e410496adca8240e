"""Code that runs during the build: ```python {run} blocks, executed page by page in a fresh Python process.

blocks.py finds them, worker.py is the script that runs them (standard library only, beside the reader's numpy),
execute.py drives it with a time limit per block, cache.py keeps results by the code's content, script.py writes the
page's downloadable .py and html.py the printed output. The MkDocs adapter is coursekit/mkdocs/runs.py.

Why not markdown-exec (which runs fenced code in MkDocs and Zensical): it executes blocks while Markdown is converted,
inside the MkDocs process, which is after this plugin computes figures (on_files), so a figure could not plot what a
page's code computed without a second run; it keeps no cache between builds, has no time limit (code in the build's
own process cannot be stopped), and reports a failure as a warning with the traceback rendered into the page. What
it would add, a session shared by name across blocks, is a dict here.
"""
