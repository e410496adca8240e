"""Self-check questions in lessons: the ```question block syntax, its checks, computed answers, version hashes and
the HTML readers answer. Engine-free; the MkDocs hooks only call into it."""
