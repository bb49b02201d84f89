"""The browser side of live reload: the script served as /livereload.js on the live reload
port, and the snippet put into each served HTML page to load it.

The script speaks the LiveReload protocol (version 7): it greets the server, then on a
`reload` message reloads the page, or only the stylesheets when the message names a CSS file
and allows live CSS. When the connection drops (the server restarted), it tries again with a
growing delay between `mindelay` and `maxdelay` milliseconds."""
from __future__ import annotations

import re

CLIENT_SCRIPT = r"""(function () {
  'use strict';
  var here = document.currentScript ? new URL(document.currentScript.src) : null;
  var params = here ? here.searchParams : new URLSearchParams();
  var host = here ? here.host : location.hostname + ':' + (params.get('port') || 35729);
  var minDelay = Number(params.get('mindelay')) || 1000;
  var maxDelay = Number(params.get('maxdelay')) || 60000;
  var delay = minDelay;
  var PROTOCOL = 'http://livereload.com/protocols/official-7';

  function reloadStylesheets() {
    var links = document.querySelectorAll('link[rel~="stylesheet"][href]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href, location.href);
      url.searchParams.set('livereload', String(Date.now()));
      links[i].href = url.href;
    }
  }

  function connect() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var socket = new WebSocket(scheme + host + '/livereload');
    socket.onopen = function () {
      delay = minDelay;
      socket.send(JSON.stringify({command: 'hello', protocols: [PROTOCOL]}));
    };
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.command === 'reload') {
        if (message.liveCSS && /\.css$/i.test(message.path || '')) {
          reloadStylesheets();
        } else {
          location.reload();
        }
      } else if (message.command === 'alert') {
        alert(message.message);
      }
    };
    socket.onclose = function () {
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, maxDelay);
    };
  }

  connect();
}());
"""

# The first <head> tag (not <header>), after which the snippet goes.
HEAD_TAG = re.compile(r"<head(?:\s[^<]*)?>|<head>", re.IGNORECASE)


def snippet(port: int, min_delay=None, max_delay=None) -> str:
    """A script that loads /livereload.js from the live reload port of the host the page
    came from (so a page opened as localhost or 127.0.0.1 both work)."""
    query = f"snipver=1&port={port}"
    if min_delay:
        query += f"&mindelay={float(min_delay):g}"
    if max_delay:
        query += f"&maxdelay={float(max_delay):g}"
    return ("<script>(function () { var script = document.createElement('script'); "
            "script.src = location.protocol + '//' + (location.hostname || 'localhost') + "
            f"':{port}/livereload.js?{query}'; document.head.appendChild(script); }}());"
            "</script>")


def inject(html: bytes, script: str) -> bytes | None:
    """The page with the snippet right after its <head> tag, or None without one."""
    text = html.decode("utf-8", errors="surrogateescape")
    match = HEAD_TAG.search(text)
    if match is None:
        return None
    text = text[:match.end()] + script + text[match.end():]
    return text.encode("utf-8", errors="surrogateescape")
