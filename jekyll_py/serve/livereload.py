"""The live reload server: a websocket endpoint speaking the LiveReload protocol (version 7),
on its own port as in Jekyll, which also serves the browser script as /livereload.js.

It runs an asyncio loop in a background thread; `reload(paths)` may be called from any
thread (the watcher calls it after each successful rebuild)."""
from __future__ import annotations

import asyncio
import json
import logging
import threading

from websockets.asyncio.server import broadcast, serve
from websockets.datastructures import Headers
from websockets.http11 import Response

from jekyll_py.errors import JekyllError
from jekyll_py.log import logger
from jekyll_py.serve.livereload_client import CLIENT_SCRIPT
from jekyll_py.serve.options import format_host

PROTOCOL = "http://livereload.com/protocols/official-7"

# The websockets library reports failed handshakes (a port scanner, a closed tab) through
# `logging`; they are not the user's concern.
_quiet_log = logging.getLogger("jekyll_py.serve.livereload")
_quiet_log.addHandler(logging.NullHandler())
_quiet_log.propagate = False


class LiveReloadServer:
    def __init__(self, host: str, port: int):
        self.host = host
        self.port = port
        self.connections = set()
        self.connected_once = False
        self._loop = None
        self._stop = None
        self._thread = None
        self._started = threading.Event()
        self._error = None

    # -- running -----------------------------------------------------------------------
    def start(self) -> None:
        """Listen in a background thread; raises JekyllError if the port cannot be used."""
        self._thread = threading.Thread(target=self._run, name="livereload", daemon=True)
        self._thread.start()
        self._started.wait()
        if self._error is not None:
            raise JekyllError(f"Error: LiveReload could not listen on "
                              f"{format_host(self.host)}:{self.port}: {self._error}")
        logger.info("LiveReload address:", f"http://{format_host(self.host)}:{self.port}")

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set_result, None)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        try:
            asyncio.run(self._serve())
        except OSError as error:
            self._error = error.strerror or str(error)
            self._started.set()

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = self._loop.create_future()
        async with serve(self._connection, self.host, self.port, logger=_quiet_log,
                         process_request=self._plain_http, compression=None):
            self._started.set()
            await self._stop

    # -- the protocol ------------------------------------------------------------------
    @staticmethod
    def _plain_http(connection, request):
        """Requests that are not websocket upgrades: the script, or a polite refusal."""
        if "websocket" in request.headers.get("Upgrade", "").lower():
            return None
        if request.path.startswith("/livereload.js"):
            body = CLIENT_SCRIPT.encode("utf-8")
            headers = Headers([("Content-Type", "application/javascript"),
                               ("Content-Length", str(len(body))),
                               ("Cache-Control", "no-cache")])
            return Response(200, "OK", headers, body)
        return connection.respond(400, "This port only serves livereload.js over HTTP.\n")

    async def _connection(self, websocket) -> None:
        if not self.connected_once:
            self.connected_once = True
            logger.info("LiveReload:", "Browser connected")
        self.connections.add(websocket)
        try:
            await websocket.send(json.dumps({"command": "hello", "protocols": [PROTOCOL],
                                             "serverName": "jekyll-py"}))
            async for text in websocket:
                try:
                    message = json.loads(text)
                except ValueError:
                    continue
                if isinstance(message, dict) and message.get("command") == "url":
                    logger.info("LiveReload:", f"Browser URL: {message.get('url')}")
        except Exception:  # noqa: BLE001 - a browser going away mid-message is normal
            pass
        finally:
            self.connections.discard(websocket)

    def reload(self, paths: list[str], live_css: bool = True) -> None:
        """Ask every connected browser to reload: one `reload` message per URL path."""
        if self._loop is None:
            return
        messages = [json.dumps({"command": "reload", "path": path, "liveCSS": live_css})
                    for path in paths]
        for path in paths:
            logger.debug("LiveReload:", f"Reloading URL {path!r}")
        self._loop.call_soon_threadsafe(self._send_all, messages)

    def _send_all(self, messages: list[str]) -> None:
        for message in messages:
            broadcast(set(self.connections), message)
