"""Outbound proxies from the environment (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY), as
curl and most tools read them; ministry networks often reach the internet only this way."""

from __future__ import annotations

import urllib.request
from urllib.parse import urlparse


def proxy_for(url: str | None) -> str | None:
    """The proxy URL to use for `url`, or None (no proxy configured, or NO_PROXY matches)."""
    if not url:
        return None
    parsed = urlparse(url)
    if parsed.hostname and urllib.request.proxy_bypass(parsed.hostname):
        return None
    proxies = urllib.request.getproxies()
    return proxies.get(parsed.scheme) or proxies.get("all")
