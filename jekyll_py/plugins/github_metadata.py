"""jekyll-github-metadata 2.15: `site.github`, without the network.

The repository ("owner/name") comes from `PAGES_REPO_NWO`, then `repository:` in the config,
then (in development and test) the `origin` git remote of the source folder. Everything the
gem derives from that name and from the PAGES_* environment variables is computed as the gem
computes it; what it would ask the GitHub API for is what the gem gets when the API cannot be
reached: empty (nil) for repository and owner details, `false` for contributors, releases,
latest_release and public_repositories. jekyll-py never opens a connection.

Like the gem, it also sets `site.title` (the project's name, or the owner's for a user page)
and `site.description` when the config has none, and in production (or with PAGE_BUILD_ID)
`site.url` and `site.baseurl` from the Pages URL. A `github:` hash in the config is merged
over the metadata; any other `github:` value replaces it.
"""
from __future__ import annotations

import functools
import os
import re
import subprocess
from collections.abc import Mapping
from urllib.parse import urljoin, urlsplit

from jekyll_py.errors import JekyllError
from jekyll_py.log import logger
from jekyll_py.plugins.github_edit_link import EditLinkTag
from jekyll_py.utils import deep_merge

NO_REPOSITORY = ("No repo name found. Specify using PAGES_REPO_NWO environment variables, "
                 "'repository' in your configuration, or set up an 'origin' git remote "
                 "pointing to your github.com repository.")
OWNER_FIELDS = ("avatar_url", "bio", "blog", "collaborators", "company", "created_at",
                "description", "email", "followers", "following", "has_organization_projects",
                "has_repository_projects", "hireable", "html_url", "id", "is_verified",
                "location", "login", "name", "node_id", "public_gists", "public_repos", "type",
                "updated_at")


class Pages:
    """The GitHub Pages environment, from PAGES_* variables (the gem's defaults otherwise)."""

    DEFAULTS = {
        "PAGES_ENV": "development", "PAGES_API_URL": "https://api.github.com",
        "PAGES_HELP_URL": "https://help.github.com", "PAGES_GITHUB_HOSTNAME": "github.com",
        "PAGES_PAGES_HOSTNAME": "github.io", "SSL": "false", "SUBDOMAIN_ISOLATION": "false",
    }

    def __init__(self, environ=None):
        self.environ = os.environ if environ is None else environ

    def var(self, key: str, fallback=None):
        value = self.environ.get(key)
        if value:
            return value
        return fallback or self.DEFAULTS.get(key)

    @staticmethod
    def _trim(url: str) -> str:
        return url[:-1] if url.endswith("/") else url

    @property
    def env(self) -> str:
        return self.var("PAGES_ENV", self.environ.get("JEKYLL_ENV"))

    @property
    def scheme(self) -> str:
        return "https" if self.var("SSL") == "true" or self.env == "test" else "http"

    @property
    def enterprise(self) -> bool:
        return self.env == "enterprise"

    @property
    def custom_domains_enabled(self) -> bool:
        return self.env in ("dotcom", "test")

    @property
    def subdomain_isolation(self) -> bool:
        return self.var("SUBDOMAIN_ISOLATION") == "true"

    @property
    def github_hostname(self) -> str:
        return self._trim(self.var("PAGES_GITHUB_HOSTNAME", self.environ.get("GITHUB_HOSTNAME")))

    @property
    def github_url(self) -> str:
        if self.env == "dotcom" or self.github_hostname == "github.com":
            return "https://github.com"
        return f"{self.scheme}://{self.github_hostname}"

    @property
    def api_url(self) -> str:
        return self._trim(self.var("PAGES_API_URL", self.environ.get("API_URL")))

    @property
    def help_url(self) -> str:
        return self._trim(self.var("PAGES_HELP_URL", self.environ.get("HELP_URL")))

    @property
    def pages_hostname(self) -> str:
        fallback = self.environ.get("PAGES_HOSTNAME") or (
            "localhost:4000" if self.env == "development" else None)
        return self._trim(self.var("PAGES_PAGES_HOSTNAME", fallback))

    @property
    def page_build(self) -> bool:
        return bool(self.environ.get("PAGE_BUILD_ID"))


class Repository:
    """What can be known of a repository from its name and the Pages environment alone."""

    def __init__(self, nwo: str, pages: Pages):
        self.nwo = nwo
        self.owner = nwo.split("/")[0]
        self.name = nwo.split("/")[-1]
        self.pages = pages

    @property
    def default_user_domain(self) -> str:
        if not self.pages.enterprise and self.owner == "github":
            return f"{self.owner}.{self.pages.github_hostname}".lower()
        if self.pages.enterprise:
            return self.pages.pages_hostname.lower()
        return f"{self.owner}.{self.pages.pages_hostname}".lower()

    @property
    def user_page(self) -> bool:
        if self.pages.enterprise:
            return self.name.lower() == f"{self.owner.lower()}.{self.pages.github_hostname}"
        domains = [self.default_user_domain]
        domains.append(f"{self.owner}.github.com".lower())
        return self.name.lower() in domains

    @property
    def domain(self) -> str:
        if not self.pages.custom_domains_enabled:
            return self.pages.github_hostname
        return self.default_user_domain  # no CNAME known offline

    @property
    def url_scheme(self) -> str:
        if self.pages.enterprise:
            return self.pages.scheme
        if self.owner == "github" and self.domain.endswith(".github.com"):
            return "https"
        return "http"

    @property
    def html_url(self) -> str:
        pages = self.pages
        if not pages.custom_domains_enabled:
            path = self.owner if self.user_page else self.nwo
            if pages.subdomain_isolation:
                url = urljoin(f"{pages.scheme}://{pages.pages_hostname}/", path)
            else:
                url = urljoin(f"{pages.github_url}/pages/", path)
        elif self.user_page:
            url = f"{self.url_scheme}://{self.domain}"
        else:
            url = urljoin(f"{self.url_scheme}://{self.domain}", self.name)
        return url[:-1] if url.endswith("/") else url

    @property
    def baseurl(self) -> str:
        return urlsplit(self.html_url).path

    @property
    def url_without_path(self) -> str:
        parts = urlsplit(self.html_url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def source(self) -> dict:
        return {"branch": "master" if self.user_page else "gh-pages", "path": "/"}

    @property
    def owner_url(self) -> str:
        return f"{self.pages.github_url}/{self.owner}"

    @property
    def repository_url(self) -> str:
        return f"{self.owner_url}/{self.name}"


def find_nwo(site, environ=None):
    """owner/name from PAGES_REPO_NWO, `repository:` or the origin remote; None if none."""
    environ = os.environ if environ is None else environ
    if environ.get("PAGES_REPO_NWO"):
        return environ["PAGES_REPO_NWO"]
    repository = site.config.get("repository")
    if isinstance(repository, str) and "/" in repository:
        return repository
    if site.environment in ("development", "test"):
        return _nwo_from_git_remote(site.source, Pages(environ).github_hostname)
    return None


def _nwo_from_git_remote(directory: str, hostname: str):
    try:
        result = subprocess.run(["git", "remote", "--verbose"], cwd=directory,
                                capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    for line in result.stdout.splitlines():
        match = re.match(r"origin\t(.*) \([a-z]+\)$", line)
        if match:
            url = match.group(1)
            url = url[:-4] if url.endswith(".git") else url
            found = re.search(re.escape(hostname) + r"(:|/)([\w-]+)/([\w.-]+)", url)
            return f"{found.group(2)}/{found.group(3)}" if found else None
    return None


def metadata(repo: Repository, environ=None) -> dict:
    """`site.github` for `repo`, as the gem gives it with the API out of reach."""
    pages = repo.pages
    environ = os.environ if environ is None else environ
    return {
        "api_url": pages.api_url,
        "archived": None,
        "baseurl": repo.baseurl,
        "build_revision": environ.get("JEKYLL_BUILD_REVISION") or _git_head(),
        "clone_url": f"{repo.repository_url}.git",
        "contributors": False,
        "disabled": None,
        "environment": pages.env,
        "help_url": pages.help_url,
        "hostname": pages.github_hostname,
        "is_project_page": not repo.user_page,
        "is_user_page": repo.user_page,
        "issues_url": None,
        "language": None,
        "latest_release": False,
        "license": None,
        "organization_members": None,
        "owner": {field: None for field in OWNER_FIELDS},
        "owner_display_name": None,
        "owner_gravatar_url": f"{repo.owner_url}.png",
        "owner_name": repo.owner,
        "owner_url": repo.owner_url,
        "pages_env": pages.env,
        "pages_hostname": pages.pages_hostname,
        "private": None,
        "project_tagline": None,
        "project_title": repo.name,
        "public_repositories": False,
        "releases": False,
        "releases_url": f"{repo.repository_url}/releases",
        "repository_name": repo.name,
        "repository_nwo": repo.nwo,
        "repository_url": repo.repository_url,
        "show_downloads": None,
        "source": repo.source,
        "tar_url": f"{repo.repository_url}/tarball/{repo.source['branch']}",
        "url": repo.html_url,
        "versions": {},
        "wiki_url": None,
        "zip_url": f"{repo.repository_url}/zipball/{repo.source['branch']}",
    }


@functools.lru_cache(maxsize=1)
def _git_head() -> str:
    try:
        result = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True,
                                timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip()


class MissingRepository(Mapping):
    """`site.github` when no repository is known: any use is the gem's error."""

    def __getitem__(self, key):
        raise JekyllError(f"GitHub Metadata: {NO_REPOSITORY}")

    def __iter__(self):
        raise JekyllError(f"GitHub Metadata: {NO_REPOSITORY}")

    def __len__(self):
        return 0


_warned: set[str] = set()  # sources already warned about the API (once per process)


def _unset(value) -> bool:
    """Ruby's `x ||= ...` assigns when x is nil or false."""
    return value is None or value is False


def register(site) -> None:
    site.liquid.register_tag(EditLinkTag)  # the gem registers it when it is loaded
    # The user's own `github:` value, kept aside once: site.config["github"] is replaced below.
    if not hasattr(site, "_github_config"):
        site._github_config = site.config.get("github")
    nwo = find_nwo(site)
    repo = Repository(nwo, Pages()) if nwo else None
    _add_fallbacks(site, repo)
    if repo is None:
        drop = MissingRepository()
    else:
        drop = metadata(repo)
        if site.source not in _warned:
            _warned.add(site.source)
            logger.warn("GitHub Metadata:", "jekyll-py does not call the GitHub API; fields "
                                             "that need it are empty.")
    own = site._github_config
    if own is None:
        site.config["github"] = drop
    elif isinstance(own, Mapping) and repo is not None:
        site.config["github"] = deep_merge(drop, dict(own))
    else:
        site.config["github"] = own


def _add_fallbacks(site, repo) -> None:
    config = site.config
    if not _unset(config.get("name")) and _unset(config.get("title")):
        logger.warn("GitHub Metadata:", "site.name is set in _config.yml, but many plugins and "
                    "themes expect site.title to be used instead. To avoid potential "
                    "inconsistency, Jekyll GitHub Metadata will not set site.title to the "
                    "repository's name.")
    elif _unset(config.get("title")) and repo is not None:
        config["title"] = repo.name if not repo.user_page else repo.owner
    if _unset(config.get("description")):
        # The gem sets a lazy value for the repository's tagline, which is empty offline
        # but still truthy in Liquid: an empty string behaves the same.
        config["description"] = ""
    pages = repo.pages if repo is not None else Pages()
    if repo is not None and (site.environment == "production" or pages.page_build):
        if _unset(config.get("url")):
            config["url"] = repo.url_without_path
        if config.get("baseurl") in (None, "/"):
            config["baseurl"] = repo.baseurl
