"""`jekyll-py serve` (aliases `s`, `server`): a local preview server that rebuilds what changed
and reloads the browser.

Modules: options.py (flags and their configuration keys), command.py (the command's steps),
server.py (HTTP), files.py (which file answers a URL), mime.py (content types), watcher.py
(source changes), regenerate.py (rebuilding), livereload.py (the websocket server),
livereload_client.py (the browser script and the snippet put into pages)."""
from jekyll_py.serve.options import add_arguments


def run(args) -> int:
    from jekyll_py.serve.command import run as run_serve  # the server, imported when used

    return run_serve(args)


__all__ = ["add_arguments", "run"]
