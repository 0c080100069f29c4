#!/usr/bin/env python3
"""Freshness report for maintainers: stale records and every external address of the records.

``python scripts/report_freshness.py`` lists records whose « verifie_le » is over two years old
and all the web addresses the records cite (partners' websites, sources, tools), to check by hand.
``--check-online`` also requests each address (needs a network: never used by the tests or CI).

The addresses come from strangers and the replies from their servers: every line is printed
through the kit's terminal escaping (``odd17.content.problems.print_lines``: a status line cannot change
the terminal's title or erase lines), and only public hosts are requested, redirections
included (never the maintainer's machine, network or a cloud's metadata address).
"""

from __future__ import annotations

import argparse
import ipaddress
import socket
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from odd17.content.problems import print_lines  # noqa: E402
from odd17.content.validation import validate  # noqa: E402


def addresses(kit) -> list[tuple[str, str, str]]:  # noqa: ANN001
    """(record page, field, address) for every external address of the records."""
    found = []
    for slug, example in kit.examples.items():
        for i, partner in enumerate(example.partners):
            if partner.website:
                found.append((f"exemples/{slug}", f"partenaires[{i}].site_web", partner.website))
        found += [(f"exemples/{slug}", f"sources[{i}].url", s.url)
                  for i, s in enumerate(example.sources) if s.url]
    for slug, tool in kit.tools.items():
        if tool.url:
            found.append((f"outils/{slug}", "adresse", tool.url))
        found += [(f"outils/{slug}", f"sources[{i}].url", s.url)
                  for i, s in enumerate(tool.sources) if s.url]
    return found


class NotPublic(urllib.error.URLError):
    """An address the report does not request: its host is not on the public Internet."""


def not_public(url: str) -> str | None:
    """Why ``url`` must not be requested (a loopback, private, link-local, reserved or
    multicast address, or a host that does not resolve), or None when every address of its
    host is public. (Resolved again by the request itself: a host that changes its answer in
    between is not caught; the report runs by hand, on a maintainer's machine, rarely.)"""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "adresse non web"
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError, ValueError):
        return "hôte introuvable"
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global or address.is_multicast:
            return f"hôte non public ({address}) : non interrogé"
    return None


class _PublicRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirection only to a public http(s) host."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        why = not_public(newurl)
        if why is not None:
            raise NotPublic(f"redirection vers {newurl} refusée ({why})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def status(url: str, check_host: bool = True) -> str:
    """The server's answer to a HEAD request, or why there is none (text from the server:
    print it through ``print_lines``)."""
    if check_host and (why := not_public(url)) is not None:
        return why
    opener = urllib.request.build_opener(
        *([_PublicRedirects()] if check_host else []))
    request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "odd17-kit"})
    try:
        with opener.open(request, timeout=15) as response:  # noqa: S310 - http(s) only
            return f"{response.status} {response.reason}"
    except NotPublic as refused:
        return str(refused.reason)
    except Exception as error:  # noqa: BLE001 - the report lists every failure as it is
        return f"erreur : {error}"


def main() -> int:
    parser = argparse.ArgumentParser(description="Rapport de fraîcheur des fiches.")
    parser.add_argument("--check-online", action="store_true",
                        help="interroger chaque adresse publique (réseau nécessaire)")
    args = parser.parse_args()
    report = validate(ROOT / "content")
    if report.kit is None:
        print_lines(*report.errors)
        return 1
    stale = report.warnings
    print_lines(f"## Fiches à revérifier ({len(stale)})", *(f"- {p}" for p in stale))
    found = addresses(report.kit)
    print_lines("", f"## Adresses citées par les fiches ({len(found)})")
    for page, field, url in found:
        suffix = f" → {status(url)}" if args.check_online else ""
        print_lines(f"- {page} ({field}) : {url}{suffix}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
