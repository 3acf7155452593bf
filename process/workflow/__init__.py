"""Workflows as data: definitions (YAML, validated), guards and what they read, one
`transitions` machine per definition, and the engine that fires a trigger on a process or
a measure — permission, state, guards, compare-and-set and audit row in one transaction."""
