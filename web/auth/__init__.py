"""Signing in and staying signed in: sessions, sign-in links, OpenID Connect, limits."""
