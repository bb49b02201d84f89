"""The serve command's settings: its command-line options, and the values they take once the
configuration files are merged in (a `_config.yml` may set `port`, `host`, `livereload`...,
the command line wins), as Jekyll's serve reads them."""
from __future__ import annotations

from dataclasses import dataclass

from jekyll_py.errors import JekyllError

LIVERELOAD_PORT = 35729

# Command-line attribute -> configuration key, for the options serve adds to the build's.
CONFIG_KEYS = {
    "host": "host", "port": "port", "livereload": "livereload",
    "livereload_port": "livereload_port", "livereload_ignore": "livereload_ignore",
    "livereload_min_delay": "livereload_min_delay",
    "livereload_max_delay": "livereload_max_delay", "open_url": "open_url",
    "show_dir_listing": "show_dir_listing", "skip_initial_build": "skip_initial_build",
}


def add_arguments(parser, add_build_options) -> None:
    add_build_options(parser)
    parser.add_argument("-H", "--host", help="Host to bind to (default: 127.0.0.1)")
    parser.add_argument("-P", "--port", help="Port to listen on (default: 4000)")
    parser.add_argument("-l", "--livereload", action="store_true", default=None,
                        help="Use LiveReload to automatically refresh browsers")
    parser.add_argument("--livereload-port", dest="livereload_port", type=int,
                        help=f"Port for LiveReload to listen on (default: {LIVERELOAD_PORT})")
    parser.add_argument("--livereload-ignore", dest="livereload_ignore",
                        type=lambda text: [glob.strip() for glob in text.split(",") if glob.strip()],
                        metavar="GLOB1[,GLOB2[,...]]",
                        help="Files for LiveReload to ignore (quote the globs)")
    parser.add_argument("--livereload-min-delay", dest="livereload_min_delay", type=float,
                        metavar="SECONDS", help="Minimum reload delay")
    parser.add_argument("--livereload-max-delay", dest="livereload_max_delay", type=float,
                        metavar="SECONDS", help="Maximum reload delay")
    parser.add_argument("-o", "--open-url", dest="open_url", action="store_true", default=None,
                        help="Launch your site in a browser")
    parser.add_argument("--show-dir-listing", dest="show_dir_listing", action="store_true",
                        default=None,
                        help="Show a directory listing instead of loading your index file")
    parser.add_argument("--skip-initial-build", dest="skip_initial_build", action="store_true",
                        default=None,
                        help="Skips the initial site build which occurs before the server is started")
    parser.add_argument("-w", "--watch", dest="watch", action="store_true", default=True,
                        help="Watch for changes and rebuild (the default)")
    parser.add_argument("--no-watch", dest="watch", action="store_false",
                        help="Don't watch for changes and rebuild")


def config_overrides(args) -> dict:
    """The configuration keys the command line sets (only the options given)."""
    overrides = {"serving": True, "watch": args.watch}
    for attr, key in CONFIG_KEYS.items():
        value = getattr(args, attr, None)
        if value is not None:
            overrides[key] = value
    return overrides


def _port(value, what: str) -> int:
    try:
        port = int(str(value).strip())
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise JekyllError(f"Error: invalid {what} '{value}': a port is a number from 0 to 65535.")
    return port


def format_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


@dataclass
class ServeOptions:
    host: str
    port: int
    baseurl: str | None     # as configured (None when not set), for the server address line
    mount: str              # where the site is served: "" or "/blog"
    watch: bool
    livereload: bool
    livereload_port: int
    livereload_ignore: list
    livereload_min_delay: float | None
    livereload_max_delay: float | None
    open_url: bool
    show_dir_listing: bool
    skip_initial_build: bool
    headers: dict           # `webrick: headers:` from the configuration
    encoding: str

    @classmethod
    def from_config(cls, config: dict) -> "ServeOptions":
        livereload = bool(config.get("livereload"))
        reload_only = ("livereload_min_delay", "livereload_max_delay", "livereload_ignore",
                       "livereload_port")
        if not livereload and any(config.get(key) for key in reload_only):
            raise JekyllError("Error: --livereload-min-delay, --livereload-max-delay, "
                              "--livereload-ignore, and --livereload-port require the "
                              "--livereload option.")
        baseurl = config.get("baseurl")
        baseurl = None if baseurl is None else str(baseurl)
        webrick = config.get("webrick") if isinstance(config.get("webrick"), dict) else {}
        headers = webrick.get("headers") if isinstance(webrick.get("headers"), dict) else {}
        ignore = config.get("livereload_ignore") or []
        return cls(
            host=str(config.get("host") or "127.0.0.1"),
            port=_port(config.get("port", 4000), "port"),
            baseurl=baseurl,
            mount="/" + (baseurl or "").strip("/") if (baseurl or "").strip("/") else "",
            # Live reload without watching would never reload, so it implies watching.
            watch=bool(config.get("watch", True)) or livereload,
            livereload=livereload,
            livereload_port=_port(config.get("livereload_port") or LIVERELOAD_PORT,
                                  "livereload port"),
            livereload_ignore=[ignore] if isinstance(ignore, str) else list(ignore),
            livereload_min_delay=config.get("livereload_min_delay"),
            livereload_max_delay=config.get("livereload_max_delay"),
            open_url=bool(config.get("open_url")),
            show_dir_listing=bool(config.get("show_dir_listing")),
            skip_initial_build=bool(config.get("skip_initial_build")),
            headers={str(k): str(v) for k, v in headers.items()},
            encoding=str(config.get("encoding") or "utf-8"),
        )

    def server_address(self) -> str:
        """The address logged as `Server address:`; it ends with the base URL and a slash when
        a base URL is configured (even an empty one), as Jekyll's does."""
        suffix = "" if self.baseurl is None else f"{self.baseurl}/"
        return f"http://{format_host(self.host)}:{self.port}{suffix}"

    def default_url(self) -> str:
        """What `site.url` becomes while serving in development: this server's address."""
        host = "localhost" if self.host == "127.0.0.1" else self.host
        return f"http://{format_host(host)}:{self.port}"
