"""rsp in the browser: `rsp serve`. People sign in (e-mail link or OpenID Connect) and act
through the same services as the command line, as themselves (issue 14)."""
