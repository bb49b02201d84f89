"""`jekyll-py serve`: build the site, then serve the destination, rebuild it when the source
changes, and (with --livereload) make open browsers reload after each rebuild."""
from __future__ import annotations

import os
import signal
import threading
import webbrowser

from jekyll_py.errors import JekyllError
from jekyll_py.log import logger
from jekyll_py.serve.livereload import LiveReloadServer
from jekyll_py.serve.livereload_client import snippet
from jekyll_py.serve.options import ServeOptions, config_overrides
from jekyll_py.serve.regenerate import Regenerator
from jekyll_py.serve.server import ServedSite, SiteServer
from jekyll_py.serve.watcher import ChangeFilter, SourceWatcher


def watch(site, options: ServeOptions, livereload: LiveReloadServer | None, trace: bool):
    from jekyll_py.writer import SiteWriter

    writer = SiteWriter(site)  # only asked where it stages and retires folders
    cache_dir = site.config.get("cache_dir") or ".jekyll-cache"
    ignored = [site.dest, writer.staging, writer.retired, os.path.join(site.source, cache_dir)]
    change_filter = ChangeFilter(site.source, ignored, site.config.get("exclude") or [])
    regenerate = Regenerator(site, on_rebuilt=livereload.reload if livereload else None,
                             livereload_ignore=options.livereload_ignore, trace=trace)
    watcher = SourceWatcher(site.source, change_filter, regenerate,
                            force_polling=bool(site.config.get("force_polling")))
    watcher.start()
    logger.info("Auto-regeneration:", f"enabled for '{site.source}'")
    return watcher


def _listen(options: ServeOptions, served: ServedSite) -> SiteServer:
    try:
        return SiteServer(options.host, options.port, served)
    except OSError as error:
        raise JekyllError(f"Error: could not listen on {options.host}:{options.port}: "
                          f"{error.strerror or error}") from None


def wait_for_stop() -> None:
    """Block until ctrl-c (SIGINT) or SIGTERM."""
    stop = threading.Event()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass


def run(args) -> int:
    from jekyll_py.cli import build_site, load_site

    site = load_site(args, config_overrides(args))
    options = ServeOptions.from_config(site.config)
    if site.environment == "development":
        site.config["url"] = options.default_url()

    if options.skip_initial_build:
        logger.warn("Build Warning:",
                    "Skipping the initial build. This may result in an out-of-date site.")
    else:
        build_site(site)

    livereload = LiveReloadServer(options.host, options.livereload_port) \
        if options.livereload else None
    watcher = None
    server = None
    try:
        if options.watch:
            watcher = watch(site, options, livereload, trace=bool(getattr(args, "trace", False)))
        else:
            logger.info("Auto-regeneration:", "disabled. Use --watch to enable.")
        if livereload is not None:
            livereload.start()
        served = ServedSite(
            root=site.dest, baseurl=options.mount, encoding=options.encoding,
            headers=options.headers, directory_index=not options.show_dir_listing,
            livereload_snippet=snippet(options.livereload_port, options.livereload_min_delay,
                                       options.livereload_max_delay) if livereload else None)
        os.makedirs(site.dest, exist_ok=True)  # served even before anything is built
        server = _listen(options, served)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.25},
                         name="http", daemon=True).start()
        logger.info("Server address:", options.server_address())
        if options.open_url:
            threading.Thread(target=webbrowser.open, args=(options.server_address(),),
                             daemon=True).start()
        logger.info("Server running...", "press ctrl-c to stop.")
        wait_for_stop()
    finally:
        if server is not None:
            server.shutdown()
            server.server_close()
        if watcher is not None:
            watcher.stop()
        if livereload is not None:
            livereload.stop()
    return 0
